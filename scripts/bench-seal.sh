#!/usr/bin/env bash
# Benchmark: pingshen's checkpoint-verify (ECDSA P-256 signed notes) and ballot-verify
# (RSABSSA-SHA384-PSS credentials) rates against `openssl speed` measured in the same run,
# one core each, release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product pingshen-bench >/dev/null
count=${COUNT:-20000}
speed=$(openssl speed -seconds "${SECONDS_PER_TEST:-3}" ecdsap256 rsa2048 2>/dev/null)
ecdsa=$(echo "$speed" | awk '/256 bits ecdsa \(nistp256\)/ {print $(NF)}')
rsa=$(echo "$speed" | awk '/^rsa 2048 bits/ {print $(NF)}')
ours=$(.build/release/pingshen-bench seal "$count")
cp=$(echo "$ours" | awk '/checkpoint verify/ {print $NF}')
bv=$(echo "$ours" | awk '/ballot verify/ {print $NF}')
echo "openssl speed ecdsap256 verify/s: $ecdsa"
echo "openssl speed rsa2048   verify/s: $rsa"
echo "pingshen checkpoint verify/s:     $cp"
echo "pingshen ballot verify/s:         $bv"
awk -v a="$cp" -v b="$ecdsa" 'BEGIN { printf "ratio checkpoint / openssl ecdsap256 verify: %.2f\n", a / b }'
awk -v a="$bv" -v b="$rsa" 'BEGIN { printf "ratio ballot / openssl rsa2048 verify:      %.2f\n", a / b }'

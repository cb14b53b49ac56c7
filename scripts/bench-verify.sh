#!/usr/bin/env bash
# Benchmark: `pingshen verify` on a generated year of a province's sessions, against what
# OpenSSL's own verify figures (`openssl speed -multi`, measured in the same run) allow for the
# same mix of signatures: one RSA-2048 (PSS) credential per ballot, and per checkpoint (one after
# every entry from the opening to the close) one ECDSA P-256 signature by the session key and
# one Ed25519 cosignature by the witness.
#
#   scripts/bench-verify.sh                 # quick: 200 sessions, 10,000 candidates (~235,000 ballots)
#   SESSIONS=2000 scripts/bench-verify.sh   # a year: 100,000 candidates, ~2.35 million ballots
#
# The archive is generated once (signed for real: minutes for the full size) into
# .bench/year-$SESSIONS and reused. Max RSS is measured for one committee's folder and for the
# whole year, to show that memory stays flat as the archive grows.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
SESSIONS=${SESSIONS:-200}
COMMITTEES=${COMMITTEES:-20}
CANDIDATES=${CANDIDATES:-50}
JOBS=${JOBS:-$(nproc)}
RUNS=${RUNS:-3}
SCRATCH=${SCRATCH:-.build}
DIR=${BENCH_DIR:-.bench/year-$SESSIONS}

swift build -c release --scratch-path "$SCRATCH" --product pingshen >/dev/null
swift build -c release --scratch-path "$SCRATCH" --product pingshen-bench >/dev/null
bin="$SCRATCH/release"

if [ ! -f "$DIR/manifest.json" ]; then
  echo "== generating $SESSIONS sessions into $DIR (signed for real; this takes a while)"
  rm -rf "$DIR"
  "$bin/pingshen-bench" year "$DIR" --sessions "$SESSIONS" --committees "$COMMITTEES" --candidates "$CANDIDATES" --jobs "$JOBS" >/dev/null
fi
field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" "$DIR/manifest.json"; }
sessions=$(field sessions); candidates=$(field candidates); ballots=$(field ballots)
checkpoints=$(field checkpoints); other=$(field otherECDSA); bytes=$(field journalBytes)
archive_bytes=$(du -sb "$DIR/archives" | cut -f1)

echo "== openssl speed -multi $JOBS -seconds ${SPEED_SECONDS:-5} rsa2048 ecdsap256 ed25519"
speed=$(openssl speed -multi "$JOBS" -seconds "${SPEED_SECONDS:-5}" rsa2048 ecdsap256 ed25519 2>/dev/null)
rsa=$(echo "$speed" | awk '/^rsa 2048 bits/ {print $NF}')
ecdsa=$(echo "$speed" | awk '/256 bits ecdsa \(nistp256\)/ {print $NF}')
ed25519=$(echo "$speed" | awk '/253 bits EdDSA \(Ed25519\)/ {print $NF}')

verify() {  # prints "elapsed_seconds max_rss_kb"
  /usr/bin/time -f "%e %M" -o "$DIR/.time" "$bin/pingshen" verify "$1" --key "$DIR/inspector.key" --cert "$DIR/inspector.pem" \
    --passphrase-file "$DIR/passphrase" --committee-cert "$DIR/committees.pem" --jobs "$JOBS" --json > "$DIR/.report.json"
  grep -q '"allPassed":true' "$DIR/.report.json" || { echo "verification failed" >&2; exit 1; }
  cat "$DIR/.time"
}
echo "== pingshen verify ($RUNS runs; the median is used)"
times=()
for _ in $(seq "$RUNS"); do
  read -r elapsed rss < <(verify "$DIR/archives")
  echo "   $elapsed s, max RSS $rss KB"
  times+=("$elapsed $rss")
done
read -r best best_rss < <(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')
first=$(ls "$DIR/archives" | head -1)
small_sessions=$(ls "$DIR/archives/$first" | wc -l)
read -r _ small_rss < <(verify "$DIR/archives/$first")

awk -v s="$sessions" -v c="$candidates" -v b="$ballots" -v k="$checkpoints" -v o="$other" -v jb="$bytes" -v ab="$archive_bytes" \
    -v rsa="$rsa" -v ec="$ecdsa" -v ed="$ed25519" -v t="$best" -v rss="$best_rss" -v ss="$small_sessions" -v srss="$small_rss" -v jobs="$JOBS" 'BEGIN {
  allowed = b / rsa + k / ec + k / ed
  strict = b / rsa + (k + o) / ec + k / ed
  printf "archive: %d sessions, %d candidates, %d ballots, %d checkpoints, %.0f MB of journal, %.0f MB encrypted\n", s, c, b, k, jb / 1e6, ab / 1e6
  printf "openssl speed -multi %d: rsa2048 verify %.0f/s, ecdsap256 verify %.0f/s, ed25519 verify %.0f/s\n", jobs, rsa, ec, ed
  printf "rate openssl allows: %.2f s for %d ballots + %d checkpoints (ECDSA + Ed25519 each) = %.0f ballots/s (%.1f sessions/s)\n", allowed, b, k, b / allowed, s / allowed
  printf "pingshen verify:     %.2f s = %.0f ballots/s (%.1f sessions/s), every check of every session\n", t, b / t, s / t
  printf "ratio pingshen / openssl: %.0f%%\n", 100 * allowed / t
  printf "  (counting also the %d other ECDSA checks: statement, certificate chains, cosignatures, documents: %.0f%%)\n", o, 100 * strict / t
  printf "max RSS: %d KB for %d sessions, %d KB for %d sessions\n", srss, ss, rss, s
}'
rm -f "$DIR/.time" "$DIR/.report.json"

#!/usr/bin/env bash
# Benchmark: a 300,000-row 专业技术资格评审情况一览表 (a province's year in one session), release
# build. Generates a finished session of 300,000 candidates (25 members, 1,000 candidates a
# round), then times `pingshen render overview` in md, html and csv, with the time spent loading
# the journal and rendering shown apart. References measured in the same run: `cat` and `wc -l`
# over the CSV written, and Python's csv module writing the same rows.
# Usage: scripts/bench-overview.sh   (CANDIDATES=300000 MEMBERS=25 BATCH=1000 RUNS=3 to change)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product pingshen >/dev/null
swift build -c release --scratch-path "$scratch" --product pingshen-bench >/dev/null
bin="$scratch/release"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
candidates=${CANDIDATES:-300000}
runs=${RUNS:-3}
echo "== generating a session of $candidates candidates"
gen_start=$(date +%s%N)
"$bin/pingshen-bench" generate "$work/big" --candidates "$candidates" --members "${MEMBERS:-25}" --batch "${BATCH:-1000}"
echo "   ($(( ($(date +%s%N) - gen_start) / 1000000 )) ms)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

echo "== pingshen render overview ($candidates rows), median of $runs runs, wall clock"
for format in md html csv; do
  t=$(for _ in $(seq "$runs"); do ms "$bin/pingshen" -C "$work/big" render overview --format "$format" --out "$work/overview.$format" --force; done | median)
  printf "   %-4s %6d ms   %s bytes\n" "$format" "$t" "$(wc -c < "$work/overview.$format")"
done
echo "== where the time goes (one run)"
"$bin/pingshen-bench" overview-phases "$work/big" | sed 's/^/   /'
echo "== references over the same CSV"
rows=$(wc -l < "$work/overview.csv")
t=$(for _ in $(seq "$runs"); do ms cat "$work/overview.csv"; done | median)
echo "   cat:  $t ms    wc -l: $rows lines ($((rows - 1)) rows + header)"
python3 - "$work/overview.csv" "$work/python.csv" <<'PY'
import csv, sys, time
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
start = time.perf_counter()
with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
print(f"   python3 csv.writer writing the same {len(rows) - 1} rows: {(time.perf_counter() - start) * 1000:.0f} ms")
PY
if cmp -s "$work/overview.csv" "$work/python.csv"; then
  echo "   (Python's output is byte-for-byte the same as pingshen's CSV)"
else
  echo "   (Python's output differs from pingshen's CSV: quoting choices)"
fi

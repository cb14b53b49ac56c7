#!/usr/bin/env bash
# Benchmark: replay a large 中级 session (500 candidates, 25 members, one round per candidate —
# the worst case, ~15,500 journal entries; sealed: signed checkpoints and a blind-signed credential
# on every ballot, ~10 MB) and run one command, with a release build. UNSIGNED=1 for a drill.
# Reference measured in the same run: Python's C-accelerated json module parsing the same lines.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product pingshen >/dev/null
swift build -c release --product pingshen-bench >/dev/null
bin=.build/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
signed=--signed
[ -n "${UNSIGNED:-}" ] && signed=""
"$bin/pingshen-bench" generate "$work/big" --candidates "${CANDIDATES:-500}" --members "${MEMBERS:-25}" $signed
runs=${RUNS:-20}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }

status_us=$(for _ in $(seq "$runs"); do ms "$bin/pingshen" -C "$work/big" status --json; done | median)
write_us=$(for i in $(seq "$runs"); do
  cp -r "$work/big" "$work/w$i"; sync
  ms "$bin/pingshen" -C "$work/w$i" matter "基准测试事项 $i"
  rm -rf "$work/w$i"
done | median)
python_us=$(for _ in $(seq "$runs"); do
  ms python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]" "$work/big/journal.jsonl"
done | median)
entries=$(wc -l < "$work/big/journal.jsonl")
bytes=$(wc -c < "$work/big/journal.jsonl")
echo "journal: $entries entries, $bytes bytes"
echo "pingshen status --json (replay + report):  $((status_us / 1000)) ms median of $runs"
echo "pingshen matter (replay + integrity check + decide + fsync):  $((write_us / 1000)) ms median of $runs"
echo "reference: python3 json.loads of every line: $((python_us / 1000)) ms median of $runs"
awk -v a="$write_us" -v b="$python_us" 'BEGIN { printf "ratio write command / python json parse: %.2f\n", a / b }'

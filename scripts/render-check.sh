#!/usr/bin/env bash
# Renders the sample session's HTML documents and prints them in a real browser (headless
# Chromium) to PDF, then to PNG pages, for a person to look at: layout, Chinese text, numbers,
# page breaks between result forms, table headers repeated on every page.
# Usage: scripts/render-check.sh [OUTDIR]   (default: ./out/render-check)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/render-check}
scripts/setup.sh
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Noto Serif CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "== installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
scratch=${SCRATCH:-.build}
swift build --scratch-path "$scratch" --product pingshen >/dev/null
bin="$scratch/debug/pingshen"
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
session="$out/sample-session"
PINGSHEN_TIME= "$bin" demo "$session" >/dev/null 2>&1
for kind in minutes overview analysis; do
  "$bin" -C "$session" render "$kind" --format html --out "$out/$kind.html" --force >/dev/null
done
"$bin" -C "$session" render publicity --start 2026-11-30 --format html --out "$out/publicity.html" --force >/dev/null
# The 综合报告 after the 公示 (2026-11-30 – 12-04) has ended without objection.
PINGSHEN_TIME=2026-12-07T09:00:00+08:00 "$bin" -C "$session" render report --publicity-start 2026-11-30 \
  --publicity-outcome 无异议 --format html --out "$out/report.html" --force >/dev/null
"$bin" -C "$session" render result-forms --format html > "$out/result-forms.html"
# One form alone, as filed in a personal file (第二十八条).
"$bin" -C "$session" render result-forms --format html --out "$out/forms/" --force >/dev/null
cp "$out/forms/评审表-C05.html" "$out/result-form-C05.html"
for f in "$out"/*.html; do
  name=$(basename "$f" .html)
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/$name.pdf" "file://$f" >/dev/null 2>&1
  pdftoppm -r 60 -png "$out/$name.pdf" "$out/$name"
  pages=$(pdfinfo "$out/$name.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  echo "$name: $pages page(s) -> $out/$name.pdf, $out/$name-*.png"
done

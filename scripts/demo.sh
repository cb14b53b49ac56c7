#!/usr/bin/env bash
# Quick start 1: set up, build, and run a complete sample session on the shipped sample
# committee (25 members, 14 candidates), printing every step and the results.
# The session is left in ./sample-session for `pingshen -C sample-session status` and friends.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product pingshen
.build/release/pingshen demo sample-session --replace "$@"

#!/usr/bin/env bash
# Quick start 2: set up and run every test (rules R1–R14, parsers, journal, crash safety, CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test --skip-build "$@"

#!/usr/bin/env bash
# Installs what a fresh Debian machine with the Swift toolchain lacks: OpenSSL 3's headers
# (libssl-dev), pkg-config and the openssl command line (the tests check interop with it).
set -euo pipefail
missing=()
pkg-config --exists openssl 2>/dev/null || missing+=(libssl-dev pkg-config)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "== installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
command -v swift >/dev/null 2>&1 || { echo "swift not found: install the Swift 6 toolchain first" >&2; exit 1; }

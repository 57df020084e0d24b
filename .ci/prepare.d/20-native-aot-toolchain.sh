#!/usr/bin/env bash
# Native AOT publishing (tested end to end in tests/Lambda.Toolkit.IntegrationTests) needs clang, lld and zlib.
set -euo pipefail
if command -v clang >/dev/null && command -v ld.lld >/dev/null && [ -e /usr/include/zlib.h ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq clang lld zlib1g-dev >/dev/null

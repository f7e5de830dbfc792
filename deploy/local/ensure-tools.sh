#!/usr/bin/env bash
# Tools the test suite needs besides the stack: Debian's docker-compose, used
# to validate docker-compose.yml (no Docker engine is needed for that), and
# Debian's chromium, in which the situation page's browser test runs headless.
set -euo pipefail
COMPONENT=tools
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

missing=()
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v chromium >/dev/null || missing+=(chromium)
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi
apt_install "${missing[@]}"
say "installed ${missing[*]}"

#!/usr/bin/env bash
# Tools the test suite needs besides the stack: Debian's docker-compose, used
# to validate docker-compose.yml (no Docker engine is needed for that).
set -euo pipefail
COMPONENT=tools
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if command -v docker-compose >/dev/null; then
    exit 0
fi
apt_install docker-compose
say "installed $(docker-compose version --short 2>/dev/null || echo docker-compose)"

#!/usr/bin/env bash
# The peers the benchmarks compare against, from Debian's packages: kcat (librdkafka),
# newsboat and rss2email; and strace, to check that the peers stay on 127.0.0.1.
# A benchmark whose peer is missing skips it and says so.
set -euo pipefail
COMPONENT=bench
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"

apt_install kcat newsboat rss2email strace

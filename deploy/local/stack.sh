#!/usr/bin/env bash
# The local stack without Docker: PostgreSQL, Kafka and Prometheus on 127.0.0.1.
#   stack.sh up      start what is not running; returns when all are ready
#   stack.sh down    stop what this checkout started
#   stack.sh status  report each component (exit 1 when one is not ready)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"
COMPONENTS=(postgres kafka prometheus)

case "${1:-}" in
    up)
        start=$SECONDS
        took=()
        for c in "${COMPONENTS[@]}"; do
            t=$SECONDS
            "$HERE/$c.sh" up
            took+=("$c $((SECONDS - t))s")
        done
        echo "local stack ready in $((SECONDS - start))s (${took[*]}): PostgreSQL 127.0.0.1:${SITREP_PG_PORT:-5432}, Kafka $(kafka_bootstrap), Prometheus http://127.0.0.1:${SITREP_PROMETHEUS_PORT:-9090}"
        ;;
    down)
        for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do "$HERE/${COMPONENTS[i]}.sh" down; done
        ;;
    status)
        rc=0
        for c in "${COMPONENTS[@]}"; do "$HERE/$c.sh" status || rc=1; done
        exit "$rc"
        ;;
    *)
        echo "usage: $0 up|down|status" >&2
        exit 2
        ;;
esac

# Shared helpers for the local stack scripts. Source it; do not run it.
# shellcheck shell=bash

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"
STATE_DIR="${SITREP_STATE_DIR:-$LOCAL_DIR/.state}"
CACHE_DIR="${SITREP_CACHE_DIR:-$REPO_ROOT/.cache}"

if [ -t 1 ]; then _B=$'\033[1m' _Y=$'\033[1;33m' _R=$'\033[1;31m' _N=$'\033[0m'; else _B='' _Y='' _R='' _N=''; fi
say()  { printf '%s[%-10s]%s %s\n' "$_B" "${COMPONENT:-stack}" "$_N" "$*"; }
warn() { printf '%s[%-10s]%s %s\n' "$_Y" "${COMPONENT:-stack}" "$_N" "$*" >&2; }
die()  { printf '%s[%-10s] error:%s %s\n' "$_R" "${COMPONENT:-stack}" "$_N" "$*" >&2; exit 1; }

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() { timeout 1 bash -c ": </dev/tcp/$1/$2" 2>/dev/null; }

# http_ok URL: true when URL answers 2xx.
http_ok() {
    python3 - "$1" <<'PY' 2>/dev/null
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
    sys.exit(0 if 200 <= r.status < 300 else 1)
PY
}

# pid_alive PIDFILE PATTERN: true when PIDFILE names a live process whose
# command line contains PATTERN (guards against a recycled pid).
pid_alive() {
    local pid
    [ -s "$1" ] || return 1
    pid="$(cat "$1")"
    [ -r "/proc/$pid/cmdline" ] || return 1
    [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline")" == *"$2"* ]]
}

# stop_pid PIDFILE PATTERN [SECONDS]: SIGTERM, wait, then SIGKILL.
stop_pid() {
    local pidfile="$1" pattern="$2" wait_s="${3:-30}" pid i
    pid_alive "$pidfile" "$pattern" || { rm -f "$pidfile"; return 1; }
    pid="$(cat "$pidfile")"
    kill -TERM "$pid"
    for ((i = 0; i < wait_s * 10; i++)); do
        pid_alive "$pidfile" "$pattern" || { rm -f "$pidfile"; return 0; }
        sleep 0.1
    done
    warn "pid $pid did not stop within ${wait_s}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile"
}

# wait_until SECONDS DESCRIPTION COMMAND...: poll COMMAND every 0.5 s.
wait_until() {
    local limit="$1" what="$2" i
    shift 2
    for ((i = 0; i < limit * 2; i++)); do
        "$@" && return 0
        sleep 0.5
    done
    warn "timed out after ${limit}s waiting for $what"
    return 1
}

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "need root (or sudo) to run: $*"
    fi
}

_APT_UPDATED=0
_apt_update() {
    [ "$_APT_UPDATED" = 1 ] && return 0
    say "apt-get update"
    as_root apt-get update -qq -o DPkg::Lock::Timeout=300
    _APT_UPDATED=1
}

# apt_install PACKAGE...: install Debian packages that are missing, without
# letting their maintainer scripts start distro services (we start our own).
# Runs apt-get update only when a package has no install candidate, or once
# more when the install fails on stale lists.
apt_install() {
    local missing=() p policy_created=0 rc=0
    for p in "$@"; do
        [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" == *"ok installed"* ]] || missing+=("$p")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    for p in "${missing[@]}"; do
        if [[ "$(apt-cache policy "$p" 2>/dev/null)" != *"Candidate: "[0-9]* ]]; then
            _apt_update
            break
        fi
    done
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
        as_root chmod +x /usr/sbin/policy-rc.d
        policy_created=1
    fi
    say "apt-get install ${missing[*]}"
    _apt_get_install "${missing[@]}" || {
        _APT_UPDATED=0
        _apt_update && _apt_get_install "${missing[@]}"
    } || rc=$?
    [ "$policy_created" = 1 ] && as_root rm -f /usr/sbin/policy-rc.d
    return "$rc"
}

_apt_get_install() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends -o DPkg::Lock::Timeout=300 "$@" >/dev/null 2> >(grep -v '^debconf: delaying' >&2)
}

# Kafka's layout, from SITREP_KAFKA_BROKERS, SITREP_KAFKA_PORT and SITREP_KAFKA_CONTROLLER_PORT:
# node i (1-based) listens on PORT + 2(i-1), its controller on CONTROLLER_PORT + 2(i-1).
kafka_brokers() {
    local n="${SITREP_KAFKA_BROKERS:-1}"
    [[ "$n" =~ ^[1-9]$ ]] || die "SITREP_KAFKA_BROKERS=$n: give a number of brokers from 1 to 9"
    echo "$n"
}
kafka_port() { echo $(("${SITREP_KAFKA_PORT:-9092}" + 2 * ($1 - 1))); }
kafka_controller_port() { echo $(("${SITREP_KAFKA_CONTROLLER_PORT:-9093}" + 2 * ($1 - 1))); }
# kafka_bootstrap: every broker's address, comma-separated (SITREP_KAFKA_BOOTSTRAP for the services).
kafka_bootstrap() {
    local i out=()
    for ((i = 1; i <= $(kafka_brokers); i++)); do out+=("127.0.0.1:$(kafka_port "$i")"); done
    (IFS=,; echo "${out[*]}")
}

# dispatch ACTION: run the component script's cmd_up, cmd_down or cmd_status.
dispatch() {
    case "${1:-}" in
        up | down | status) "cmd_$1" ;;
        *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
    esac
}

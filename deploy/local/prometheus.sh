#!/usr/bin/env bash
# Prometheus for the local stack: `prometheus.sh up|down|status`.
# Debian's package, run by this script (not the distro service) with
# deploy/prometheus/prometheus.yml on 127.0.0.1:9090 and data under .state/.
set -euo pipefail
COMPONENT=prometheus
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CONFIG="$REPO_ROOT/deploy/prometheus/prometheus.yml"
PROM_STATE="$STATE_DIR/prometheus"
PROM_PID="$PROM_STATE/prometheus.pid"
PROM_LOG="$PROM_STATE/prometheus.log"
HOST=127.0.0.1
PORT="${SITREP_PROMETHEUS_PORT:-9090}"
URL="http://$HOST:$PORT"

ready() { http_ok "$URL/-/ready"; }

check_config() {
    promtool check config "$CONFIG" >"$PROM_STATE/promtool.log" 2>&1 ||
        { cat "$PROM_STATE/promtool.log" >&2; die "invalid $CONFIG"; }
}

cmd_up() {
    command -v prometheus >/dev/null || apt_install prometheus
    mkdir -p "$PROM_STATE/data"
    check_config
    if pid_alive "$PROM_PID" prometheus; then
        say "already running (pid $(cat "$PROM_PID")); reloading $CONFIG"
        python3 -c "import urllib.request as u; u.urlopen(u.Request('$URL/-/reload', method='POST'), timeout=5)" ||
            warn "reload failed; see $PROM_LOG"
    elif port_open "$HOST" "$PORT"; then
        say "using the server already listening on $HOST:$PORT (not started here)"
    else
        say "starting Prometheus on $HOST:$PORT (config $CONFIG, log $PROM_LOG)"
        rm -f "$PROM_PID"
        setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PROM_PID" prometheus \
            --config.file="$CONFIG" \
            --storage.tsdb.path="$PROM_STATE/data" \
            --storage.tsdb.retention.time=7d \
            --web.listen-address="$HOST:$PORT" \
            --web.enable-lifecycle \
            </dev/null >>"$PROM_LOG" 2>&1 &
        wait_until 10 "the pid file" test -s "$PROM_PID" || die "Prometheus did not start"
    fi
    wait_until 60 "$URL/-/ready" ready || { tail -n 20 "$PROM_LOG" >&2; die "Prometheus not ready"; }
    say "ready: $URL"
}

cmd_down() {
    if pid_alive "$PROM_PID" prometheus; then
        say "stopping (pid $(cat "$PROM_PID"))"
        stop_pid "$PROM_PID" prometheus 30
        say "stopped"
    elif port_open "$HOST" "$PORT"; then
        say "the server on $HOST:$PORT was not started here; leaving it running"
    else
        say "not running"
    fi
}

cmd_status() {
    if pid_alive "$PROM_PID" prometheus; then
        say "running (ours, pid $(cat "$PROM_PID"), $URL, log $PROM_LOG)"
    elif port_open "$HOST" "$PORT"; then
        say "running on $HOST:$PORT (not started here)"
    else
        say "stopped"
        return 1
    fi
    ready || { warn "$URL/-/ready does not answer 200"; return 1; }
}

dispatch "$@"

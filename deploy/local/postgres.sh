#!/usr/bin/env bash
# PostgreSQL for the local stack: `postgres.sh up|down|status`.
# Uses a server already listening on 127.0.0.1:5432 when there is one;
# otherwise runs Debian's PostgreSQL on a data directory under .state/.
set -euo pipefail
COMPONENT=postgres
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_HOST=127.0.0.1
PG_PORT="${SITREP_PG_PORT:-5432}"
APP_USER=sitrep APP_PASSWORD=sitrep APP_DB=sitrep

# set_paths: where our cluster lives. Under .state/ normally; when the server's
# user cannot reach the checkout (say a clone under /root, mode 700), under
# /var/lib/postgresql instead, with a link to it from .state/.
set_paths() {
    PG_STATE="$STATE_DIR/postgres"
    if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
        mkdir -p "$STATE_DIR"
        if ! runuser -u postgres -- test -x "$STATE_DIR"; then
            PG_STATE="/var/lib/postgresql/sitrep-$(printf %s "$STATE_DIR" | md5sum | cut -c1-8)"
            mkdir -p "$PG_STATE"
            chown postgres:postgres "$PG_STATE"
            ln -sfn "$PG_STATE" "$STATE_DIR/postgres"
        fi
    fi
    PGDATA="$PG_STATE/data"
    PG_LOG="$PG_STATE/postgres.log"
    # Unix socket paths are limited to ~107 bytes: fall back to /tmp for deep checkouts.
    PG_SOCKET_DIR="$PG_STATE/run"
    [ "${#PG_SOCKET_DIR}" -gt 90 ] && PG_SOCKET_DIR="/tmp/sitrep-pg-$(printf %s "$PG_STATE" | md5sum | cut -c1-8)"
    return 0
}
set_paths

pg_bindir() {
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
    [ -n "$d" ] && echo "$d"
}

# as_pg CMD...: run as the postgres system user when we are root (the server refuses root).
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ours_running() {
    local bin
    bin="$(pg_bindir)" || return 1
    [ -f "$PGDATA/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

app_login_works() {
    [ "$(PGPASSWORD="$APP_PASSWORD" PGCONNECT_TIMEOUT=3 psql -h "$PG_HOST" -p "$PG_PORT" -U "$APP_USER" \
        -d "$APP_DB" -XtAc "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user" 2>/dev/null)" = t ]
}

write_config() {
    cat >"$PGDATA/sitrep.conf" <<CONF
# Written by deploy/local/postgres.sh on every start; edit there.
listen_addresses = '$PG_HOST'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR$( [ -d /var/run/postgresql ] && echo ", /var/run/postgresql")'
max_connections = 300
shared_buffers = 256MB
work_mem = 8MB
maintenance_work_mem = 64MB
wal_level = replica
max_wal_size = 1GB
checkpoint_timeout = 15min
log_min_duration_statement = 1000
log_line_prefix = '%m [%p] %q%u@%d '
CONF
    grep -q "include_if_exists = 'sitrep.conf'" "$PGDATA/postgresql.conf" ||
        echo "include_if_exists = 'sitrep.conf'" >>"$PGDATA/postgresql.conf"
}

init_cluster() {
    local bin="$1"
    say "initdb in $PGDATA"
    mkdir -p "$PG_STATE"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_STATE"
    as_pg "$bin/initdb" -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$PG_STATE/initdb.log" 2>&1 ||
        { cat "$PG_STATE/initdb.log" >&2; die "initdb failed"; }
}

start_ours() {
    local bin
    bin="$(pg_bindir)" || true
    if [ -z "$bin" ]; then
        apt_install postgresql
        bin="$(pg_bindir)" || die "postgresql installed but no /usr/lib/postgresql/*/bin found"
        set_paths
    fi
    [ -f "$PGDATA/PG_VERSION" ] || init_cluster "$bin"
    mkdir -p "$PG_SOCKET_DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_STATE" "$PG_SOCKET_DIR" && touch "$PG_LOG" && chown postgres "$PG_LOG"
    write_config
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA/sitrep.conf"
    say "starting PostgreSQL $(basename "$(dirname "$bin")") on $PG_HOST:$PG_PORT (log: $PG_LOG)"
    as_pg "$bin/pg_ctl" -D "$PGDATA" -l "$PG_LOG" -w -t 60 start >/dev/null ||
        { tail -n 30 "$PG_LOG" >&2; die "PostgreSQL did not start"; }
}

# superuser_psql ARGS...: psql as a superuser of whichever server is on the port.
superuser_psql() {
    if ours_running; then
        psql -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -X -v ON_ERROR_STOP=1 "$@"
    elif [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
        runuser -u postgres -- psql -p "$PG_PORT" -X -v ON_ERROR_STOP=1 "$@"
    else
        psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -X -v ON_ERROR_STOP=1 "$@"
    fi
}

ensure_app_role() {
    command -v psql >/dev/null || apt_install postgresql-client
    app_login_works && return 0
    say "creating role '$APP_USER' (LOGIN CREATEDB) and database '$APP_DB'"
    superuser_psql -d postgres -q <<SQL || die "could not create the '$APP_USER' role; create it by hand with LOGIN CREATEDB PASSWORD '$APP_PASSWORD'"
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_USER') THEN
        CREATE ROLE $APP_USER LOGIN CREATEDB PASSWORD '$APP_PASSWORD';
    ELSE
        ALTER ROLE $APP_USER LOGIN CREATEDB PASSWORD '$APP_PASSWORD';
    END IF;
END
\$\$;
SELECT 'CREATE DATABASE $APP_DB OWNER $APP_USER'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$APP_DB')\gexec
SQL
    app_login_works || die "role '$APP_USER' exists but cannot log in over TCP (check pg_hba.conf)"
}

cmd_up() {
    if ours_running; then
        say "already running (ours, $PGDATA)"
    elif port_open "$PG_HOST" "$PG_PORT"; then
        say "using the server already listening on $PG_HOST:$PG_PORT"
    else
        start_ours
    fi
    ensure_app_role
    say "ready: postgresql://$APP_USER:$APP_PASSWORD@$PG_HOST:$PG_PORT/$APP_DB"
}

cmd_down() {
    if ours_running; then
        say "stopping"
        as_pg "$(pg_bindir)/pg_ctl" -D "$PGDATA" -m fast -w -t 60 stop >/dev/null
        say "stopped"
    elif port_open "$PG_HOST" "$PG_PORT"; then
        say "the server on $PG_HOST:$PG_PORT was not started here; leaving it running"
    else
        say "not running"
    fi
}

cmd_status() {
    if ours_running; then
        say "running (ours, data $PGDATA, log $PG_LOG)"
    elif port_open "$PG_HOST" "$PG_PORT"; then
        say "running on $PG_HOST:$PG_PORT (not started here)"
    else
        say "stopped"
        return 1
    fi
    app_login_works && say "role '$APP_USER' can log in to '$APP_DB'" ||
        { warn "role '$APP_USER' cannot log in to '$APP_DB' (run: make stack)"; return 1; }
}

dispatch "$@"

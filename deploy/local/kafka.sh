#!/usr/bin/env bash
# Apache Kafka for the local stack: `kafka.sh up|down|status`.
# One broker in KRaft combined mode (broker + controller in one JVM) on
# 127.0.0.1:9092, controller on 127.0.0.1:9093. The jars come from Maven
# Central through kafka/pom.xml and are cached in .cache/kafka/<version>/libs.
set -euo pipefail
COMPONENT=kafka
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

POM="$LOCAL_DIR/kafka/pom.xml"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM")"
LIBS="$CACHE_DIR/kafka/$KAFKA_VERSION/libs"
KAFKA_STATE="$STATE_DIR/kafka"
KAFKA_DATA="$KAFKA_STATE/data"
KAFKA_PID="$KAFKA_STATE/kafka.pid"
KAFKA_CONFIG="$KAFKA_STATE/server.properties"
HOST=127.0.0.1
PORT="${SITREP_KAFKA_PORT:-9092}"
CONTROLLER_PORT="${SITREP_KAFKA_CONTROLLER_PORT:-9093}"
HEAP="${SITREP_KAFKA_HEAP:--Xms256m -Xmx512m}"

ensure_java() {
    command -v java >/dev/null || apt_install openjdk-17-jre-headless
    command -v mvn >/dev/null || apt_install maven
}

# Copy the broker's runtime jars from Maven Central (or ~/.m2) once per pom.xml content.
ensure_jars() {
    local stamp="$LIBS/.pom.md5" want tmp
    want="$(md5sum <"$POM" | cut -d' ' -f1)"
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return 0
    ensure_java
    say "fetching Kafka $KAFKA_VERSION jars with Maven into $LIBS"
    tmp="$LIBS.tmp.$$"
    mkdir -p "$CACHE_DIR/kafka/$KAFKA_VERSION"
    rm -rf "$tmp"
    mvn -q -B -f "$POM" dependency:copy-dependencies -DincludeScope=runtime \
        -DoutputDirectory="$tmp" >"$CACHE_DIR/kafka/mvn.log" 2>&1 ||
        { tail -n 30 "$CACHE_DIR/kafka/mvn.log" >&2; rm -rf "$tmp"; die "mvn dependency:copy-dependencies failed"; }
    echo "$want" >"$tmp/.pom.md5"
    rm -rf "$LIBS"
    mv "$tmp" "$LIBS"
}

write_config() {
    cat >"$KAFKA_CONFIG" <<CONF
# Written by deploy/local/kafka.sh on every start; edit there.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DATA

# one broker: every replication factor and ISR is 1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1

auto.create.topics.enable=true
num.partitions=1
delete.topic.enable=true
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
log.retention.hours=72
log.segment.bytes=67108864
CONF
}

# JAVA: the java command line shared by the storage tool and the broker.
java_args() {
    local heap
    read -r -a heap <<<"$HEAP"
    JAVA=(java "${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
        -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2.properties"
        -Dkafka.logs.dir="$KAFKA_STATE/logs" -cp "$LIBS/*")
}

format_storage() {
    [ -f "$KAFKA_DATA/meta.properties" ] && return 0
    local cluster_id
    [ -s "$KAFKA_STATE/cluster.id" ] ||
        python3 -c 'import base64, uuid; print(base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("="))' \
            >"$KAFKA_STATE/cluster.id"
    cluster_id="$(cat "$KAFKA_STATE/cluster.id")"
    say "formatting KRaft storage in $KAFKA_DATA (cluster id $cluster_id)"
    java_args
    "${JAVA[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONFIG" \
        >"$KAFKA_STATE/format.log" 2>&1 || { cat "$KAFKA_STATE/format.log" >&2; die "storage format failed"; }
}

ready() { port_open "$HOST" "$PORT" && python3 "$LOCAL_DIR/kafka_ready.py" "$HOST:$PORT" 2>/dev/null; }

wait_ready() {
    local i
    for ((i = 0; i < 240; i++)); do
        ready && return 0
        pid_alive "$KAFKA_PID" kafka.Kafka ||
            { tail -n 40 "$KAFKA_STATE/logs/server.log" "$KAFKA_STATE/kafka.out" >&2 2>/dev/null; die "broker exited during start"; }
        sleep 0.5
    done
    die "broker not ready after 120s (log: $KAFKA_STATE/logs/server.log)"
}

cmd_up() {
    if pid_alive "$KAFKA_PID" kafka.Kafka; then
        say "already running (pid $(cat "$KAFKA_PID"))"
        wait_ready
    elif port_open "$HOST" "$PORT"; then
        say "using the broker already listening on $HOST:$PORT"
        wait_until 60 "the broker on $HOST:$PORT" ready || die "$HOST:$PORT is taken but answers no Kafka Metadata request"
    else
        port_open "$HOST" "$CONTROLLER_PORT" && die "controller port $HOST:$CONTROLLER_PORT is taken by another process"
        ensure_jars
        command -v java >/dev/null || ensure_java
        mkdir -p "$KAFKA_DATA" "$KAFKA_STATE/logs"
        write_config
        format_storage
        say "starting Kafka $KAFKA_VERSION on $HOST:$PORT (log: $KAFKA_STATE/logs/server.log)"
        # Own session, so Ctrl-C in the terminal that ran `make up` does not reach the broker;
        # the inner shell records its pid and becomes the JVM.
        rm -f "$KAFKA_PID"
        java_args
        setsid bash -c 'echo $$ >"$0"; exec "$@"' "$KAFKA_PID" "${JAVA[@]}" kafka.Kafka "$KAFKA_CONFIG" \
            </dev/null >>"$KAFKA_STATE/kafka.out" 2>&1 &
        wait_until 10 "the broker's pid file" test -s "$KAFKA_PID" || die "broker did not start"
        wait_ready
    fi
    say "ready: $HOST:$PORT"
}

cmd_down() {
    if pid_alive "$KAFKA_PID" kafka.Kafka; then
        say "stopping (pid $(cat "$KAFKA_PID"))"
        stop_pid "$KAFKA_PID" kafka.Kafka 60
        say "stopped"
    elif port_open "$HOST" "$PORT"; then
        say "the broker on $HOST:$PORT was not started here; leaving it running"
    else
        say "not running"
    fi
}

cmd_status() {
    if pid_alive "$KAFKA_PID" kafka.Kafka; then
        say "running Kafka $KAFKA_VERSION (ours, pid $(cat "$KAFKA_PID"), log $KAFKA_STATE/logs/server.log)"
    elif port_open "$HOST" "$PORT"; then
        say "running on $HOST:$PORT (not started here)"
    else
        say "stopped"
        return 1
    fi
    ready && say "answers Metadata requests on $HOST:$PORT" ||
        { warn "not answering Metadata requests on $HOST:$PORT"; return 1; }
}

dispatch "$@"

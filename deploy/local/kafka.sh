#!/usr/bin/env bash
# Apache Kafka for the local stack: `kafka.sh up|down|status`.
# SITREP_KAFKA_BROKERS nodes (default 1) in KRaft combined mode (broker and
# controller in one JVM each) on 127.0.0.1: node i listens on
# SITREP_KAFKA_PORT + 2(i-1) (9092, 9094, 9096) and its controller on
# SITREP_KAFKA_CONTROLLER_PORT + 2(i-1) (9093, 9095, 9097). SITREP_KAFKA_NODE=i
# makes up/down/status touch node i only (a rolling restart). The jars come from
# Maven Central through kafka/pom.xml and are cached in .cache/kafka/<version>/libs.
set -euo pipefail
COMPONENT=kafka
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

POM="$LOCAL_DIR/kafka/pom.xml"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM")"
LIBS="$CACHE_DIR/kafka/$KAFKA_VERSION/libs"
HOST=127.0.0.1
BROKERS="$(kafka_brokers)"
HEAP="${SITREP_KAFKA_HEAP:--Xms256m -Xmx512m}"
# One broker keeps the layout it always had; a cluster lives beside it, one directory per node.
if [ "$BROKERS" = 1 ]; then CLUSTER_STATE="$STATE_DIR/kafka"; else CLUSTER_STATE="$STATE_DIR/kafka-cluster"; fi
REPLICATION=$((BROKERS < 3 ? BROKERS : 3))
MIN_ISR=$((BROKERS >= 3 ? 2 : 1))
NODES=("${SITREP_KAFKA_NODE:-}")
[ -n "${NODES[0]}" ] || NODES=($(seq 1 "$BROKERS"))
for n in "${NODES[@]}"; do
    [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le "$BROKERS" ] || die "SITREP_KAFKA_NODE=$n: nodes are 1..$BROKERS"
done

# node_paths N: NODE_STATE, NODE_DATA, NODE_PID, NODE_CONFIG, NODE_PORT, NODE_CONTROLLER_PORT of node N.
node_paths() {
    if [ "$BROKERS" = 1 ]; then NODE_STATE="$CLUSTER_STATE"; else NODE_STATE="$CLUSTER_STATE/node-$1"; fi
    NODE_DATA="$NODE_STATE/data"
    NODE_PID="$NODE_STATE/kafka.pid"
    NODE_CONFIG="$NODE_STATE/server.properties"
    NODE_PORT="$(kafka_port "$1")"
    NODE_CONTROLLER_PORT="$(kafka_controller_port "$1")"
}

voters() {
    local i out=()
    for ((i = 1; i <= BROKERS; i++)); do out+=("$i@$HOST:$(kafka_controller_port "$i")"); done
    (IFS=,; echo "${out[*]}")
}

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

# write_config N: node N's server.properties (after node_paths N).
write_config() {
    cat >"$NODE_CONFIG" <<CONF
# Written by deploy/local/kafka.sh on every start; edit there.
process.roles=broker,controller
node.id=$1
controller.quorum.voters=$(voters)
listeners=PLAINTEXT://$HOST:$NODE_PORT,CONTROLLER://$HOST:$NODE_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$NODE_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$NODE_DATA

# $BROKERS broker(s): every topic on min(3, brokers) = $REPLICATION, acknowledged by $MIN_ISR
offsets.topic.replication.factor=$REPLICATION
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=$REPLICATION
transaction.state.log.min.isr=$MIN_ISR
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=$REPLICATION
share.coordinator.state.topic.min.isr=$MIN_ISR
default.replication.factor=$REPLICATION
min.insync.replicas=$MIN_ISR
unclean.leader.election.enable=false

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

# JAVA: the java command line shared by the storage tool and the broker (after node_paths).
java_args() {
    local heap
    read -r -a heap <<<"$HEAP"
    JAVA=(java "${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
        -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2.properties"
        -Dkafka.logs.dir="$NODE_STATE/logs" -cp "$LIBS/*")
}

# A cluster of another size is refused: its quorum differs.
check_cluster_size() {
    [ "$BROKERS" = 1 ] && return 0
    mkdir -p "$CLUSTER_STATE"
    if [ -s "$CLUSTER_STATE/brokers" ] && [ "$(cat "$CLUSTER_STATE/brokers")" != "$BROKERS" ]; then
        die "$CLUSTER_STATE holds a cluster of $(cat "$CLUSTER_STATE/brokers") brokers, not $BROKERS; run kafka.sh down and remove it first"
    fi
    echo "$BROKERS" >"$CLUSTER_STATE/brokers"
}

# Every node of a cluster is formatted with one cluster id.
format_storage() {
    [ -f "$NODE_DATA/meta.properties" ] && return 0
    local id
    [ -s "$CLUSTER_STATE/cluster.id" ] ||
        python3 -c 'import base64, uuid; print(base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("="))' \
            >"$CLUSTER_STATE/cluster.id"
    id="$(cat "$CLUSTER_STATE/cluster.id")"
    say "formatting KRaft storage in $NODE_DATA (cluster id $id)"
    java_args
    "${JAVA[@]}" kafka.tools.StorageTool format -t "$id" -c "$NODE_CONFIG" \
        >"$NODE_STATE/format.log" 2>&1 || { cat "$NODE_STATE/format.log" >&2; die "storage format failed"; }
}

# ready PORT: the broker there answers Metadata and knows every broker of the cluster.
ready() { port_open "$HOST" "$1" && python3 "$LOCAL_DIR/kafka_ready.py" "$HOST:$1" "$BROKERS" 2>/dev/null; }

wait_ready() {
    local i n
    for ((i = 0; i < 240; i++)); do
        local all=1
        for n in "${NODES[@]}"; do
            node_paths "$n"
            pid_alive "$NODE_PID" kafka.Kafka || port_open "$HOST" "$NODE_PORT" ||
                { tail -n 40 "$NODE_STATE/logs/server.log" "$NODE_STATE/kafka.out" >&2 2>/dev/null; die "node $n exited during start"; }
            ready "$NODE_PORT" || all=0
        done
        [ "$all" = 1 ] && return 0
        sleep 0.5
    done
    die "not ready after 120s (logs: $CLUSTER_STATE)"
}

start_node() {
    node_paths "$1"
    port_open "$HOST" "$NODE_CONTROLLER_PORT" && die "controller port $HOST:$NODE_CONTROLLER_PORT is taken by another process"
    mkdir -p "$NODE_DATA" "$NODE_STATE/logs"
    write_config "$1"
    format_storage
    say "starting Kafka $KAFKA_VERSION node $1 of $BROKERS on $HOST:$NODE_PORT (log: $NODE_STATE/logs/server.log)"
    # Own session, so Ctrl-C in the terminal that ran `make up` does not reach the broker;
    # the inner shell records its pid and becomes the JVM.
    rm -f "$NODE_PID"
    java_args
    setsid bash -c 'echo $$ >"$0"; exec "$@"' "$NODE_PID" "${JAVA[@]}" kafka.Kafka "$NODE_CONFIG" \
        </dev/null >>"$NODE_STATE/kafka.out" 2>&1 &
    wait_until 10 "node $1's pid file" test -s "$NODE_PID" || die "node $1 did not start"
}

cmd_up() {
    local n foreign=() started=0
    check_cluster_size
    for n in "${NODES[@]}"; do
        node_paths "$n"
        if pid_alive "$NODE_PID" kafka.Kafka; then
            say "node $n already running (pid $(cat "$NODE_PID"))"
        elif port_open "$HOST" "$NODE_PORT"; then
            foreign+=("$n")
        else
            [ "$started" = 1 ] || { ensure_jars; command -v java >/dev/null || ensure_java; }
            start_node "$n"
            started=1
        fi
    done
    if [ "${#foreign[@]}" -gt 0 ]; then
        # A broker we did not start: use it as it is when it is the whole cluster asked for.
        [ "${#foreign[@]}" = "${#NODES[@]}" ] ||
            die "nodes ${foreign[*]} are taken by brokers not started here, the others are ours"
        node_paths "${foreign[0]}"
        say "using the broker(s) already listening from $HOST:$NODE_PORT"
        wait_until 60 "the broker on $HOST:$NODE_PORT" ready "$NODE_PORT" ||
            die "$HOST:$NODE_PORT is taken but answers no Kafka Metadata request listing $BROKERS broker(s)"
    else
        wait_ready
    fi
    say "ready: $(kafka_bootstrap) ($BROKERS broker(s), replication $REPLICATION, min.insync.replicas $MIN_ISR)"
}

cmd_down() {
    local n signalled=()
    # All nodes at once: a node stopped after the others would wait for a quorum that is gone.
    for n in "${NODES[@]}"; do
        node_paths "$n"
        if pid_alive "$NODE_PID" kafka.Kafka; then
            say "stopping node $n (pid $(cat "$NODE_PID"))"
            kill -TERM "$(cat "$NODE_PID")"
            signalled+=("$n")
        elif port_open "$HOST" "$NODE_PORT"; then
            say "the broker on $HOST:$NODE_PORT was not started here; leaving it running"
        else
            say "node $n not running"
        fi
    done
    for n in "${signalled[@]}"; do
        node_paths "$n"
        stop_pid "$NODE_PID" kafka.Kafka 60 || true
        say "stopped node $n"
    done
}

cmd_status() {
    local n rc=0
    for n in "${NODES[@]}"; do
        node_paths "$n"
        if pid_alive "$NODE_PID" kafka.Kafka; then
            say "node $n: running Kafka $KAFKA_VERSION (ours, pid $(cat "$NODE_PID"), log $NODE_STATE/logs/server.log)"
        elif port_open "$HOST" "$NODE_PORT"; then
            say "node $n: running on $HOST:$NODE_PORT (not started here)"
        else
            say "node $n: stopped"
            rc=1
            continue
        fi
        ready "$NODE_PORT" && say "node $n answers Metadata requests on $HOST:$NODE_PORT ($BROKERS broker(s) known)" ||
            { warn "node $n is not answering Metadata requests listing $BROKERS broker(s) on $HOST:$NODE_PORT"; rc=1; }
    done
    return "$rc"
}

dispatch "$@"

#!/usr/bin/env bash
# One Tillpoint node of the provisioned server, in its own base directory under
# $TILLPOINT_CLUSTER_DIR/NAME (configuration, data with the Artemis journal and the transaction log,
# logs, deployments). The cluster scripts and the kill/failover tests all start and kill nodes
# through this one script.
#
#   cluster/node.sh start NAME [OFFSET]   start in the background, return once it serves the API
#   cluster/node.sh kill NAME             SIGKILL, as a power cut would (the data stays)
#   cluster/node.sh stop NAME             graceful shutdown (SIGTERM), SIGKILL after 60 s
#   cluster/node.sh status NAME           running or not, exit status 0 or 1
#
# OFFSET defaults to the node's entry in TILLPOINT_NODE_OFFSETS (node1 the first, ...). Settings:
# cluster/env.sh.
set -euo pipefail
source "$(dirname "$0")/env.sh"

usage() {
    echo "usage: $0 start|kill|stop|status NAME [OFFSET]" >&2
    exit 2
}
[ $# -ge 2 ] || usage
command=$1
name=$2
[[ $name =~ ^[A-Za-z0-9_-]{1,23}$ ]] || { echo "node name: 1-23 of [A-Za-z0-9_-] (it is the transaction node id)" >&2; exit 2; }
base="$TILLPOINT_CLUSTER_DIR/$name"
pidfile="$base/node.pid"

running_pid() {
    [ -f "$pidfile" ] || return 1
    local pid
    pid=$(cat "$pidfile")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

prepare_base_dir() {
    mkdir -p "$base/configuration" "$base/deployments" "$base/data" "$base/log"
    # The profile and the keys the build configured, every start: the build is the source of truth.
    cp "$JBOSS_HOME/standalone/configuration/$TILLPOINT_SERVER_CONFIG" "$base/configuration/"
    for f in logging.properties mgmt-users.properties mgmt-groups.properties application-users.properties \
             application-roles.properties application.keystore; do
        [ -f "$JBOSS_HOME/standalone/configuration/$f" ] && cp "$JBOSS_HOME/standalone/configuration/$f" "$base/configuration/"
    done
    rm -rf "$base/configuration/tillpoint"
    cp -r "$JBOSS_HOME/standalone/configuration/tillpoint" "$base/configuration/"
    # The same EAR on every node, picked up by the deployment scanner at boot.
    if ! cmp -s "$TILLPOINT_EAR" "$base/deployments/tillpoint.ear"; then
        cp "$TILLPOINT_EAR" "$base/deployments/tillpoint.ear"
        rm -f "$base"/deployments/tillpoint.ear.*
    fi
}

wait_until_serving() {
    local offset=$1 pid=$2 deadline=$((SECONDS + TILLPOINT_NODE_START_TIMEOUT))
    local health="http://127.0.0.1:$((9990 + offset))/health/ready"
    local api="http://127.0.0.1:$((8080 + offset))/openapi"
    while [ $SECONDS -lt $deadline ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "$name died while starting; see $base/log/server.log" >&2
            return 1
        fi
        if curl -fs -o /dev/null --max-time 2 "$health" && curl -fs -o /dev/null --max-time 2 "$api"; then
            return 0
        fi
        sleep 1
    done
    echo "$name not ready after ${TILLPOINT_NODE_START_TIMEOUT}s; see $base/log/server.log" >&2
    return 1
}

case "$command" in
start)
    offset=${3:-$(cluster_offset_of "$name")}
    [[ $offset =~ ^[0-9]+$ ]] || { echo "no offset for $name (TILLPOINT_NODE_OFFSETS=$TILLPOINT_NODE_OFFSETS)" >&2; exit 2; }
    if pid=$(running_pid); then
        echo "$name already running (pid $pid)"
        exit 0
    fi
    [ -d "$JBOSS_HOME" ] && [ -f "$TILLPOINT_EAR" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
    prepare_base_dir
    started=$SECONDS
    JBOSS_PIDFILE="$pidfile" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    JAVA_OPTS="-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true -Djboss.modules.system.pkgs=org.jboss.byteman $TILLPOINT_NODE_JAVA_OPTS" \
        nohup "$JBOSS_HOME/bin/standalone.sh" -c "$TILLPOINT_SERVER_CONFIG" \
        -Djboss.server.base.dir="$base" \
        -Djboss.node.name="$name" \
        -Djboss.tx.node.id="$name" \
        -Djboss.socket.binding.port-offset="$offset" \
        -Dtillpoint.cluster.initial-hosts="$(cluster_initial_hosts)" \
        -Djboss.messaging.cluster.password="$TILLPOINT_CLUSTER_PASSWORD" \
        -Dtillpoint.db.driver=postgresql \
        -Dtillpoint.db.url="$TILLPOINT_DB_URL" \
        -Dtillpoint.db.user="$TILLPOINT_DB_USER" \
        -Dtillpoint.db.password="$TILLPOINT_DB_PASSWORD" \
        > "$base/log/console.log" 2>&1 < /dev/null &
    for _ in $(seq 1 50); do
        [ -s "$pidfile" ] && break
        sleep 0.1
    done
    pid=$(cat "$pidfile")
    wait_until_serving "$offset" "$pid"
    echo "$name up in $((SECONDS - started)) s: http://127.0.0.1:$((8080 + offset))/api/v1, management 127.0.0.1:$((9990 + offset)), pid $pid"
    ;;
kill)
    if pid=$(running_pid); then
        kill -KILL "$pid"
        while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
        echo "$name killed (pid $pid)"
    else
        echo "$name not running"
    fi
    ;;
stop)
    if pid=$(running_pid); then
        kill -TERM "$pid"
        for _ in $(seq 1 600); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            kill -KILL "$pid"
            echo "$name did not stop within 60 s: killed"
        fi
        echo "$name stopped"
    else
        echo "$name not running"
    fi
    rm -f "$pidfile"
    ;;
status)
    if pid=$(running_pid); then
        echo "$name running (pid $pid)"
    else
        echo "$name not running"
        exit 1
    fi
    ;;
*)
    usage
    ;;
esac

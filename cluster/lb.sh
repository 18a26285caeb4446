#!/usr/bin/env bash
# The load balancer in front of the nodes: HAProxy from Debian's packages, on $TILLPOINT_LB_PORT.
#
#   cluster/lb.sh install   apt-get install haproxy when it is missing (root; .ci/run calls it)
#   cluster/lb.sh start     write $TILLPOINT_CLUSTER_DIR/haproxy.cfg for the nodes and start it
#   cluster/lb.sh stop
#
# Health: every node's /health/ready on its management port (database and broker up, the EAR
# deployed) every second; two failures take a node out, two successes bring it back. A request
# whose connection a node refuses (it died) is sent to the other node at once: it never reached
# the dead one, so the retry cannot do anything twice. A request already sent to a node that dies
# fails (502); the client retries it with its Idempotency-Key.
set -euo pipefail
source "$(dirname "$0")/env.sh"

cfg="$TILLPOINT_CLUSTER_DIR/haproxy.cfg"
pidfile="$TILLPOINT_CLUSTER_DIR/haproxy.pid"

case "${1:-}" in
install)
    if ! command -v haproxy >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy \
            || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy; }
    fi
    # sed reads to the end: with head, haproxy could be killed by SIGPIPE and pipefail fail the script.
    haproxy -v | sed -n 1p
    ;;
start)
    command -v haproxy >/dev/null 2>&1 || { echo "HAProxy is missing: cluster/lb.sh install (as root)" >&2; exit 1; }
    mkdir -p "$TILLPOINT_CLUSTER_DIR"
    {
        cat <<CFG
# Written by cluster/lb.sh; edit the script, not this file.
global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout http-request 30s
    # Connection refused or timed out: try again on another node (the request was never sent).
    retries 3
    option redispatch 1
    option forwardfor

frontend tillpoint
    bind 127.0.0.1:$TILLPOINT_LB_PORT
    default_backend tillpoint-nodes

backend tillpoint-nodes
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2 on-marked-down shutdown-sessions
CFG
        while read -r node offset; do
            echo "    server $node 127.0.0.1:$((8080 + offset)) check port $((9990 + offset))"
        done < <(cluster_nodes)
    } > "$cfg"
    haproxy -c -q -f "$cfg"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        kill -TERM "$(cat "$pidfile")"
        sleep 0.5
    fi
    haproxy -D -f "$cfg" -p "$pidfile"
    echo "load balancer on http://127.0.0.1:$TILLPOINT_LB_PORT (HAProxy, $cfg)"
    ;;
stop)
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        kill -TERM "$(cat "$pidfile")"
        echo "load balancer stopped"
    fi
    rm -f "$pidfile"
    ;;
*)
    echo "usage: $0 install|start|stop" >&2
    exit 2
    ;;
esac

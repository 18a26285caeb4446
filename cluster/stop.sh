#!/usr/bin/env bash
# Stops what cluster/start.sh started: the load balancer, then every node (gracefully).
set -euo pipefail
here=$(dirname "$0")
source "$here/env.sh"
"$here/lb.sh" stop
while read -r node _; do
    "$here/node.sh" stop "$node" &
done < <(cluster_nodes)
wait

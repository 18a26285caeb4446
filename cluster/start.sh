#!/usr/bin/env bash
# Starts a Tillpoint cluster on this machine: the nodes of TILLPOINT_NODE_OFFSETS (two by default)
# from the provisioned server's standalone-full-ha.xml, one PostgreSQL database for all of them,
# and HAProxy in front on TILLPOINT_LB_PORT. Build first (mvn -DskipTests package); settings and
# defaults: cluster/env.sh. Stop it with cluster/stop.sh.
set -euo pipefail
here=$(dirname "$0")
source "$here/env.sh"

# The database, created when missing (the migrations build the schema at the first node's boot).
db=${TILLPOINT_DB_URL%%\?*}
db=${db##*/}
pg_host_port=${TILLPOINT_DB_URL#jdbc:postgresql://}
pg_host_port=${pg_host_port%%/*}
pg_host=${pg_host_port%%:*}
pg_port=${pg_host_port##*:}
[ "$pg_port" = "$pg_host" ] && pg_port=5432
if ! psql -h "$pg_host" -p "$pg_port" -U "$TILLPOINT_DB_USER" -d postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
    psql -h "$pg_host" -p "$pg_port" -U "$TILLPOINT_DB_USER" -d postgres -qc "create database \"$db\""
    echo "created database $db"
fi

# The first node alone, so that it runs the migrations before the others start; then the rest
# in parallel.
first=true
pids=()
while read -r node offset; do
    if $first; then
        "$here/node.sh" start "$node" "$offset"
        first=false
    else
        "$here/node.sh" start "$node" "$offset" &
        pids+=($!)
    fi
done < <(cluster_nodes)
for pid in "${pids[@]}"; do
    wait "$pid"
done
"$here/lb.sh" start

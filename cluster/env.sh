# Tillpoint cluster settings, sourced by the other scripts in this directory. Every setting is an
# environment variable with a default that suits one machine (a bank admin trying it out, CI):
#
#   TILLPOINT_NODE_OFFSETS   port offsets of the nodes, one per node      "100 200"
#                            (node N is named nodeN; http 8080+offset, management 9990+offset,
#                            JGroups 7600+offset)
#   TILLPOINT_LB_PORT        the load balancer's port, what clients call  8080
#   TILLPOINT_DB_URL         the one PostgreSQL database of all nodes     jdbc:postgresql://127.0.0.1:5432/tillpoint_cluster?logServerErrorDetail=false
#   TILLPOINT_DB_USER / TILLPOINT_DB_PASSWORD                             postgres / unused
#   TILLPOINT_CLUSTER_DIR    where each node's base directory lives       ear/target/cluster
#   TILLPOINT_SERVER_CONFIG  the profile the nodes run                    standalone-full-ha.xml
#   TILLPOINT_NODE_JAVA_OPTS extra JVM options of every node              (none)
#   TILLPOINT_CLUSTER_PASSWORD  Artemis's cluster-bridge secret           a dev value: set your own
#   JBOSS_HOME               the server the build provisioned             ear/target/wildfly-39.0.1.Final
#   TILLPOINT_EAR            the EAR every node deploys                   ear/target/tillpoint.ear

cluster_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${JBOSS_HOME:=$(ls -d "$cluster_root"/ear/target/wildfly-*/ 2>/dev/null | sed -n 1p)}"
JBOSS_HOME=${JBOSS_HOME%/}
: "${TILLPOINT_EAR:=$cluster_root/ear/target/tillpoint.ear}"
: "${TILLPOINT_CLUSTER_DIR:=$cluster_root/ear/target/cluster}"
: "${TILLPOINT_NODE_OFFSETS:=100 200}"
: "${TILLPOINT_LB_PORT:=8080}"
: "${TILLPOINT_DB_URL:=jdbc:postgresql://127.0.0.1:5432/tillpoint_cluster?logServerErrorDetail=false}"
: "${TILLPOINT_DB_USER:=postgres}"
: "${TILLPOINT_DB_PASSWORD:=unused}"
: "${TILLPOINT_SERVER_CONFIG:=standalone-full-ha.xml}"
: "${TILLPOINT_NODE_JAVA_OPTS:=}"
: "${TILLPOINT_CLUSTER_PASSWORD:=tillpoint-dev-cluster}"
: "${TILLPOINT_NODE_START_TIMEOUT:=300}"

# The JGroups members every node looks for (TCPPING): each node's jgroups-tcp port, 7600 + offset.
cluster_initial_hosts() {
    local hosts="" offset
    for offset in $TILLPOINT_NODE_OFFSETS; do
        hosts="${hosts:+$hosts,}127.0.0.1[$((7600 + offset))]"
    done
    echo "$hosts"
}

# "nodeN OFFSET" per line.
cluster_nodes() {
    local n=0 offset
    for offset in $TILLPOINT_NODE_OFFSETS; do
        n=$((n + 1))
        echo "node$n $offset"
    done
}

# The offset of node NAME.
cluster_offset_of() {
    cluster_nodes | awk -v name="$1" '$1 == name { print $2 }'
}

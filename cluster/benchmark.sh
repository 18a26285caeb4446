#!/usr/bin/env bash
# Scale figures (README, "Running a cluster"): approved POS payments per second against one node,
# then against two behind HAProxy, each beside pgbench's raw-SQL payment on the same database.
# Builds, then runs it/ ClusterScaleBenchmark through failsafe's cluster execution (its own ports
# and database, tillpoint_it_cluster, which it recreates). Extra arguments go to Maven, e.g.
#   cluster/benchmark.sh -Dtillpoint.cluster.offsets="500 600" -Dtillpoint.cluster.lbPort=8880
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify -pl ear,it -am -Dtillpoint.it.single.skip=true -Dtillpoint.cluster.tests=ClusterScaleBenchmark "$@" \
    | grep -E 'ClusterScaleBenchmark|offered|pgbench|RATIO|prepared|Tests run|BUILD|ERROR'

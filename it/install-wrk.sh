#!/usr/bin/env bash
# Installs wrk, the HTTP load generator of the sighting benchmark (BeaconSightingBenchmark), from
# Debian's packages when it is not on the PATH. Benchmarks are not part of `mvn verify` or CI, so
# neither runs this; without wrk the benchmark falls back to Java client threads and says so.
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q wrk

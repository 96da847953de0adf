#!/usr/bin/env bash
# Benchmark: provisioning time per workspace (p50/p95 over N) and `migrate --all` over M workspaces.
# Runs against the SAFARIDESK_* services (or embedded stand-ins), like the tests.
# Usage: infra/bench/provisioning.sh [N=20] [M=200] [keep=false]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl tenant-provisioning -am install
./mvnw -q -B -pl tenant-provisioning dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
classpath="tenant-provisioning/target/test-classes:tenant-provisioning/target/classes:$(cat tenant-provisioning/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.provisioning.bench.ProvisioningBenchmark "${1:-20}" "${2:-200}" "${3:-false}"

#!/usr/bin/env bash
# Benchmark: provisioning across two realm cells (the configured Keycloak as cell 'default', plus a second Keycloak
# started for the run), each taking CAP workspaces; p50/p95 per workspace over the whole run, `migrate --all`, and the
# resident memory of each Keycloak. Runs against the SAFARIDESK_* services (or embedded stand-ins), like the tests.
# Usage: infra/bench/cells.sh [N=2*CAP] [CAP=150] [keep=false]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
cap="${2:-150}"
count="${1:-$((2 * cap))}"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl tenant-provisioning -am install
./mvnw -q -B -pl tenant-provisioning dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
classpath="tenant-provisioning/target/test-classes:tenant-provisioning/target/classes:$(cat tenant-provisioning/target/bench.classpath)"
"$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.provisioning.bench.ProvisioningBenchmark \
  "$count" "$count" "${3:-false}" "$cap" true
# the default cell's Keycloak: the process serving SAFARIDESK_KEYCLOAK_URL's port
port="$(echo "${SAFARIDESK_KEYCLOAK_URL:-http://127.0.0.1:8180}" | sed -E 's#.*:([0-9]+)/?$#\1#')"
for pid in $(ps -eo pid=,args= | awk -v p="--http-port=$port" 'index($0, p) && /keycloak/ {print $1}'); do
  rss=$(ps -o rss= --pid "$pid" --ppid "$pid" | awk '{s+=$1} END {print int(s/1024)}')
  echo "default cell Keycloak (pid $pid): VmRSS ${rss} MB (with child processes)"
done

#!/usr/bin/env bash
# Benchmark: N workspaces over realm cells of CAP workspaces each. Starts ceil(N/CAP) Keycloaks (databases
# keycloak_bench_<i>), drains the configured one, measures the ticket list of one workspace holding T tickets, provisions
# the other N - 1 one after another (p50/p95 over all N), measures the same list again, and prints each cell's load, each
# Keycloak's resident memory and `migrate --all`. Runs against the SAFARIDESK_* services (or embedded stand-ins) like
# the tests, in a scratch database `safaridesk_cellbench` on the configured PostgreSQL, dropped afterwards with the
# cells' Keycloak databases. Needs psql on PATH when SAFARIDESK_DB_URL is set.
# Usage: infra/bench/cells.sh [N=1000] [CAP=150] [T=10000]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
count="${1:-1000}"
cap="${2:-150}"
./mvnw -q -B -Dspotless.check.skip=true -pl helpdesk-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="helpdesk-api/target/test-classes:helpdesk-api/target/classes:$(cat helpdesk-api/target/bench.classpath)"

if [[ -n "${SAFARIDESK_DB_URL:-}" ]]; then
  server="$(echo "$SAFARIDESK_DB_URL" | sed -E 's#jdbc:postgresql://([^:/]+):?([0-9]*)/.*#\1 \2#')"
  read -r host port <<<"$server"
  sql() { psql -q -h "$host" -p "${port:-5432}" -U "${SAFARIDESK_DB_USER:-postgres}" -d postgres -c "$1"; }
  sql "drop database if exists safaridesk_cellbench with (force)"
  sql "create database safaridesk_cellbench"
  drop_databases() {
    sql "drop database if exists safaridesk_cellbench with (force)"
    for i in $(seq $(((count + cap - 1) / cap))); do sql "drop database if exists keycloak_bench_$i with (force)"; done
  }
  trap drop_databases EXIT
  export SAFARIDESK_DB_URL="jdbc:postgresql://$host:${port:-5432}/safaridesk_cellbench"
fi
# provisioning as the operator CLI does it: no background runner driving the same jobs
SAFARIDESK_PROVISIONING_RUNNER=false LOGGING_LEVEL_ROOT=WARN LOGGING_LEVEL_IO_SAFARIDESK=${LOGGING_LEVEL_IO_SAFARIDESK:-WARN} \
  "$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.helpdesk.bench.CellScaleBenchmark "$count" "$cap" "${3:-10000}"

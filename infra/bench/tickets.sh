#!/usr/bin/env bash
# Benchmark: tickets at scale in one workspace. Generates N tickets with SQL, then measures a filtered full-text ticket
# list through the API (p50/p95, page size 25) and ticket creation through the API beside pgbench's raw INSERTs into
# the same table, in the same run. Runs against the SAFARIDESK_* services (or embedded stand-ins), like the tests;
# needs psql and pgbench on PATH.
# Usage: infra/bench/tickets.sh [tickets=1000000] [seconds per throughput run=20] [concurrent clients=8]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
# one reactor build: the sibling modules resolve to their own target folders, never to ~/.m2
./mvnw -q -B -Dspotless.check.skip=true -pl helpdesk-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="helpdesk-api/target/test-classes:helpdesk-api/target/classes:$(cat helpdesk-api/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.helpdesk.bench.TicketBenchmark "${1:-1000000}" "${2:-20}" "${3:-8}"

#!/usr/bin/env bash
# Benchmark: reports at scale in one workspace. Generates N tickets over two years with their history (report facts,
# transitions, an agent reply each, SLA clocks, portal KB reading) in SQL, then measures every dashboard and report call
# and the ticket view counts through the API (p50/p95), as an admin and as an agent of 2 of 20 departments, next to the
# raw limit (the statements' floor over JDBC) and the load average, measured in the same run. Runs against the
# SAFARIDESK_* services (or embedded stand-ins), like the tests. With the machine's PostgreSQL, give it a database of
# its own (SAFARIDESK_DB_URL=jdbc:postgresql://127.0.0.1:5432/<new database>, SAFARIDESK_DB_POOL_SIZE<=10), a new one
# for each run: the embedded Keycloak gets a new port each run, and the realm cell registered by the last run points
# at the old one. Drop the database afterwards.
# Usage: infra/bench/reports.sh [tickets=1000000] [requests per call=100]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
# one reactor build: the sibling modules resolve to their own target folders, never to ~/.m2
./mvnw -q -B -Dspotless.check.skip=true -pl helpdesk-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="helpdesk-api/target/test-classes:helpdesk-api/target/classes:$(cat helpdesk-api/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.helpdesk.bench.ReportBenchmark "${1:-1000000}" "${2:-100}"

#!/usr/bin/env bash
# Benchmark: tickets at scale in one workspace, the API beside pgbench on the same PostgreSQL, interleaved in one run
# (see TicketBenchmark): creation against the raw INSERT and the raw same-work transaction, the filtered full-text list
# (p50/p95/p99, against its raw SQL, again after 100,000 newer non-matching tickets, with its plan), /api/v1/me against
# liveness, statements per request. Keycloak and mail come from the SAFARIDESK_* services (or embedded stand-ins), like
# the tests; the database is a fresh one on SAFARIDESK_BENCH_PG (host:port, default the machine's 127.0.0.1:5432), named
# SAFARIDESK_BENCH_DB (default bench_tickets), dropped at the end, whatever happens. At most
# SAFARIDESK_BENCH_MAX_CONNECTIONS (8) connections: SAFARIDESK_DB_POOL_SIZE (4) for the API, the rest for pgbench.
# SAFARIDESK_BENCH_JAVA_OPTS goes to the benchmark's JVM. Needs psql, pgbench, createdb and dropdb on PATH.
# Usage: infra/bench/tickets.sh [tickets=1000000] [seconds per throughput run=10] [concurrent clients=8] [rounds=2]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
pg="${SAFARIDESK_BENCH_PG:-127.0.0.1:5432}"
pg_host="${pg%:*}" pg_port="${pg##*:}"
db="${SAFARIDESK_BENCH_DB:-bench_tickets}"
pg_user="${SAFARIDESK_BENCH_PG_USER:-postgres}"
[[ "$db" =~ ^bench_[a-z0-9_]+$ ]] || { echo "SAFARIDESK_BENCH_DB must be bench_<name>" >&2; exit 2; }
export SAFARIDESK_DB_POOL_SIZE="${SAFARIDESK_DB_POOL_SIZE:-4}"
export SAFARIDESK_BENCH_MAX_CONNECTIONS="${SAFARIDESK_BENCH_MAX_CONNECTIONS:-8}"

# one reactor build: the sibling modules resolve to their own target folders, never to ~/.m2
./mvnw -q -B -Dspotless.check.skip=true -pl helpdesk-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="helpdesk-api/target/test-classes:helpdesk-api/target/classes:$(cat helpdesk-api/target/bench.classpath)"

java_pid=""
cleanup() {
  status=$?
  if [[ -n "$java_pid" ]] && kill -0 "$java_pid" 2>/dev/null; then
    kill "$java_pid" 2>/dev/null || true
    wait "$java_pid" 2>/dev/null || true
  fi
  dropdb --if-exists --force -h "$pg_host" -p "$pg_port" -U "$pg_user" "$db" || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

dropdb --if-exists --force -h "$pg_host" -p "$pg_port" -U "$pg_user" "$db"
createdb -h "$pg_host" -p "$pg_port" -U "$pg_user" "$db"
export SAFARIDESK_DB_URL="jdbc:postgresql://$pg_host:$pg_port/$db" SAFARIDESK_DB_USER="$pg_user"
echo "machine load before: $(cat /proc/loadavg); database $db on $pg_host:$pg_port"
# shellcheck disable=SC2086 # options are words, e.g. a flight recording: -XX:StartFlightRecording=filename=x.jfr
"$JAVA_HOME/bin/java" ${SAFARIDESK_BENCH_JAVA_OPTS:-} -cp "$classpath" io.safaridesk.helpdesk.bench.TicketBenchmark \
  "${1:-1000000}" "${2:-10}" "${3:-8}" "${4:-2}" &
java_pid=$!
wait "$java_pid"

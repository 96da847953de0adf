#!/usr/bin/env bash
# Benchmark: full time-rule sweeps over many workspaces. Makes W workspace schemas (migrated like provisioning does,
# kept for the next run) with T open tickets each and two time rules, in the database named by SAFARIDESK_DB_URL
# (default: a database of its own, safaridesk_rule_bench, created when missing), then times sweeping them all: with
# nothing due, with a share due, with nothing left. Needs psql on PATH for the database.
# Usage: infra/bench/time-rules.sh [workspaces=1000] [tickets per workspace=1000] [per mille due=10] [threads=4]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="${JAVA_HOME:-$("$repo/infra/bin/find-jdk")}"
export JAVA_HOME
cd "$repo"
if [[ -z "${SAFARIDESK_DB_URL:-}" ]]; then
  psql -h 127.0.0.1 -U postgres -Atc "select 1 from pg_database where datname = 'safaridesk_rule_bench'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -c "create database safaridesk_rule_bench"
  export SAFARIDESK_DB_URL=jdbc:postgresql://127.0.0.1:5432/safaridesk_rule_bench
fi
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl worker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="worker/target/test-classes:worker/target/classes:$(cat worker/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.worker.bench.TimeRuleBenchmark \
  "${1:-1000}" "${2:-1000}" "${3:-10}" "${4:-4}"

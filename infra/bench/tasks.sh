#!/usr/bin/env bash
# Benchmark: tasks at scale in one workspace. Generates N tasks with SQL, then measures through the API a filtered
# full-text task list, the counts per view and a list by ticket (p50/p95). Runs against the SAFARIDESK_* services (or
# embedded stand-ins), like the tests.
# Usage: infra/bench/tasks.sh [tasks=1000000] [requests per measurement=300]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
# one reactor build: the sibling modules resolve to their own target folders, never to ~/.m2
./mvnw -q -B -Dspotless.check.skip=true -pl helpdesk-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="helpdesk-api/target/test-classes:helpdesk-api/target/classes:$(cat helpdesk-api/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.helpdesk.bench.TaskBenchmark "${1:-1000000}" "${2:-300}"

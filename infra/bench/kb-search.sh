#!/usr/bin/env bash
# Benchmark: knowledge base search at scale in one workspace. Generates N articles with SQL, then measures the search
# endpoint through the API (p50/p95, page size 25) for several queries, as staff and on the anonymous portal. Runs
# against the SAFARIDESK_* services (or embedded stand-ins), like the tests.
# Usage: infra/bench/kb-search.sh [articles=100000] [measured requests per query=100]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl helpdesk-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="helpdesk-api/target/test-classes:helpdesk-api/target/classes:$(cat helpdesk-api/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.helpdesk.bench.KbSearchBenchmark "${1:-100000}" "${2:-100}"

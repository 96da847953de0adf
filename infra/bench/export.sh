#!/usr/bin/env bash
# Benchmark: ticket exports at scale (ExportBenchmark). Generates N tickets with SQL in a fresh workspace, then exports
# them as CSV and as XLSX through the outbox, RabbitMQ and the worker's consumer: rows per second, file size, and the
# peak live heap against that of a 1,000-ticket export, in a JVM limited to HEAP (default 256m) so that an export that
# does not stream fails with OutOfMemoryError. Runs against the SAFARIDESK_* services (or embedded stand-ins), like
# the tests. Builds without installing anything into ~/.m2.
# Usage: infra/bench/export.sh [tickets=1000000]   (HEAP=256m)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl worker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="worker/target/test-classes:worker/target/classes:$(cat worker/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" "-Xmx${HEAP:-256m}" -cp "$classpath" io.safaridesk.worker.bench.ExportBenchmark "${1:-1000000}"

#!/usr/bin/env bash
# Benchmark: webhook messages per second and event-to-receiver latency (WebhookBenchmark) to a local receiver,
# through the outbox, RabbitMQ, the webhooks consumer and the sender.
# Runs against the SAFARIDESK_* services (or embedded stand-ins), like the tests; builds without installing anything.
# Usage: infra/bench/webhooks.sh [tickets=500] [sequential=50]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl worker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="worker/target/test-classes:worker/target/classes:$(cat worker/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.worker.bench.WebhookBenchmark "${1:-500}" "${2:-50}"

#!/usr/bin/env bash
# Benchmark: outbound mails per second (MailBenchmark): delivery alone from the mail outbox with S parallel senders,
# then end to end from ticket events through RabbitMQ and the notification consumer to SMTP. Runs against the
# SAFARIDESK_* services (or embedded stand-ins), like the tests. Builds without installing anything into ~/.m2.
# Usage: infra/bench/mail.sh [mails=2000] [senders=4]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl worker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="worker/target/test-classes:worker/target/classes:$(cat worker/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.worker.bench.MailBenchmark "${1:-2000}" "${2:-4}"

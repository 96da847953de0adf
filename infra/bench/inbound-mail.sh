#!/usr/bin/env bash
# Benchmark: inbound emails threaded per second, end to end (InboundMailBenchmark): mails sent with Jakarta Mail over
# SMTP into W workspaces' mailboxes, read by the worker's mailbox readers over IMAP (IDLE), parsed, checked, threaded
# and stored in PostgreSQL; first N/2 new tickets, then N/2 replies threaded by In-Reply-To. Runs against the
# SAFARIDESK_* services (or embedded stand-ins), like the tests; use a scratch database (the worker reads the mailboxes
# of every active workspace in it). Builds without installing anything into ~/.m2.
# Usage: infra/bench/inbound-mail.sh [mails=1000] [workspaces=2] [smtp-senders=4]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl worker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="worker/target/test-classes:worker/target/classes:$(cat worker/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.worker.bench.InboundMailBenchmark "${1:-1000}" "${2:-2}" "${3:-4}"

#!/usr/bin/env bash
# Benchmark: the inbound classifier's cost per mail (MailClassifierBenchmark): every shape of the fixture corpus
# (worker/src/test/resources/mail) read from MIME, classified and quote-cut, ROUNDS times after a warm-up, on one
# thread. Needs no services. Builds without installing anything into ~/.m2.
# Usage: infra/bench/mail-classifier.sh [rounds=200]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl worker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="worker/target/test-classes:worker/target/classes:$(cat worker/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.worker.inbound.MailClassifierBenchmark "${1:-200}"

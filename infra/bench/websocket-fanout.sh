#!/usr/bin/env bash
# Benchmark: WebSocket fan-out. Connects N STOMP clients to one helpdesk-api instance (in this JVM), all subscribed to
# one workspace's ticket topic, publishes one ticket event to the safaridesk.events exchange and measures the time
# until the last client receives it, over several rounds. Runs against the SAFARIDESK_* services (or embedded
# stand-ins), like the tests.
# Usage: infra/bench/websocket-fanout.sh [clients=1000] [rounds=5]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
# one reactor build: the sibling modules resolve to their own target folders, never to ~/.m2
./mvnw -q -B -Dspotless.check.skip=true -pl helpdesk-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="helpdesk-api/target/test-classes:helpdesk-api/target/classes:$(cat helpdesk-api/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -cp "$classpath" io.safaridesk.helpdesk.bench.WebSocketFanOutBenchmark "${1:-1000}" "${2:-5}"

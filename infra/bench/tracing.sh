#!/usr/bin/env bash
# Benchmark: request overhead of tracing. Starts helpdesk-api twice on the SAFARIDESK_* services (or the running local
# stack's), once with tracing on and every trace recorded (SAFARIDESK_TRACING=true, sampling 1.0, no exporter) and
# once with tracing off, then sends the same keep-alive requests to both in alternating rounds and prints the median
# and p95 latency of each and their ratio, measured in the same run. Two routes: the liveness probe (filters and the
# server observation only) and an anonymous portal route that reaches PostgreSQL. Stops both services when done.
# Usage: infra/bench/tracing.sh [requests per round=2000] [rounds=4]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
requests="${1:-2000}"
rounds="${2:-4}"
if [ -z "${SAFARIDESK_DB_URL:-}" ] && [ -f "${SAFARIDESK_HOME:-$HOME/.safaridesk}/run/stack.env" ]; then
  set -a; . "${SAFARIDESK_HOME:-$HOME/.safaridesk}/run/stack.env"; set +a
fi
jar=helpdesk-api/target/helpdesk-api-exec.jar
[ -f "$jar" ] || ./mvnw -q -B -Dspotless.check.skip=true -DskipTests -pl helpdesk-api -am package
scratch="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$scratch"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
on_port="$(free_port)"; off_port="$(free_port)"
SAFARIDESK_HELPDESK_PORT="$on_port" SAFARIDESK_TRACING=true SAFARIDESK_TRACING_SAMPLING=1.0 SAFARIDESK_DB_POOL_SIZE=4 \
  "$JAVA_HOME/bin/java" -Xmx512m -jar "$jar" --logging.level.root=WARN > "$scratch/on.log" 2>&1 &
pids+=("$!")
SAFARIDESK_HELPDESK_PORT="$off_port" SAFARIDESK_TRACING=false SAFARIDESK_DB_POOL_SIZE=4 \
  "$JAVA_HOME/bin/java" -Xmx512m -jar "$jar" --logging.level.root=WARN > "$scratch/off.log" 2>&1 &
pids+=("$!")
for port in "$on_port" "$off_port"; do
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null || { echo "helpdesk-api on $port did not start"; tail -50 "$scratch"/*.log; exit 1; }
done
python3 - "$on_port" "$off_port" "$requests" "$rounds" <<'PY'
import http.client, statistics, sys, time
on, off, requests, rounds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
routes = ["/actuator/health/liveness", "/api/v1/portal/no-such-workspace/kb/articles"]
def run(port, path, n):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    times = []
    for _ in range(n):
        start = time.perf_counter_ns()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        times.append((time.perf_counter_ns() - start) / 1e6)
    conn.close()
    return times
for path in routes:
    for port in (on, off):
        run(port, path, max(200, requests // 5))  # warm-up
    samples = {on: [], off: []}
    for r in range(rounds):
        order = (on, off) if r % 2 == 0 else (off, on)
        for port in order:
            samples[port] += run(port, path, requests)
    def p(xs, q):
        xs = sorted(xs)
        return xs[int(q * (len(xs) - 1))]
    m_on, m_off = statistics.median(samples[on]), statistics.median(samples[off])
    print(f"{path}: tracing on  median {m_on:.3f} ms p95 {p(samples[on], .95):.3f} ms ({len(samples[on])} requests)")
    print(f"{path}: tracing off median {m_off:.3f} ms p95 {p(samples[off], .95):.3f} ms ({len(samples[off])} requests)")
    print(f"{path}: median ratio on/off {m_on / m_off:.3f}, p95 ratio {p(samples[on], .95) / p(samples[off], .95):.3f}")
PY

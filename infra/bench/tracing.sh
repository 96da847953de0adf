#!/usr/bin/env bash
# Benchmark: request overhead of tracing. Starts helpdesk-api three times on the SAFARIDESK_* services (or the running
# local stack's): tracing off (SAFARIDESK_TRACING=false), tracing on at the default sampling ratio 0.1, and tracing on
# with every trace recorded (1.0); no exporter in any (an OTLP endpoint would add the export's own cost). Then sends
# the same keep-alive requests to each in rotating order, round after round, and prints the median and p95 latency of
# each and their ratios to "off", all measured in the same run. Two routes: the liveness probe (filters and the server
# observation only) and an anonymous portal route that reaches PostgreSQL. Stops the services when done.
# The portal route needs the platform schema (tenant-provisioning creates it: run the stack, or footprint.sh, first).
# Usage: infra/bench/tracing.sh [requests per round=2000] [rounds=4] [routes=liveness,portal]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
requests="${1:-2000}"
rounds="${2:-4}"
routes="${3:-liveness,portal}"
if [ -z "${SAFARIDESK_DB_URL:-}" ] && [ -f "${SAFARIDESK_HOME:-$HOME/.safaridesk}/run/stack.env" ]; then
  set -a; . "${SAFARIDESK_HOME:-$HOME/.safaridesk}/run/stack.env"; set +a
fi
jar=helpdesk-api/target/helpdesk-api-exec.jar
[ -f "$jar" ] || ./mvnw -q -B -Dspotless.check.skip=true -DskipTests -pl helpdesk-api -am package
scratch="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$scratch"; }
trap cleanup EXIT
# a free port: any (the kernel's choice), or from SAFARIDESK_BENCH_PORTS=FIRST-LAST on a shared machine
taken=()
free_port() {
  python3 - "${SAFARIDESK_BENCH_PORTS:-0-0}" "${taken[@]}" <<'PY'
import socket, sys
first, last = map(int, sys.argv[1].split("-"))
for candidate in range(first, last + 1):
    if str(candidate) in sys.argv[2:] and candidate:
        continue
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", candidate)); print(s.getsockname()[1]); break
    except OSError:
        pass
    finally:
        s.close()
PY
}
variants=(off 0.1 1.0)
ports=()
for variant in "${variants[@]}"; do
  port="$(free_port)"; ports+=("$port"); taken+=("$port")
  if [ "$variant" = off ]; then tracing=(SAFARIDESK_TRACING=false)
  else tracing=(SAFARIDESK_TRACING=true "SAFARIDESK_TRACING_SAMPLING=$variant")
  fi
  env SAFARIDESK_HELPDESK_PORT="$port" "${tracing[@]}" SAFARIDESK_DB_POOL_SIZE=4 \
    "$JAVA_HOME/bin/java" -Xmx512m -jar "$jar" --logging.level.root=WARN > "$scratch/$variant.log" 2>&1 &
  pids+=("$!")
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null || { echo "helpdesk-api on $port did not start"; tail -50 "$scratch"/*.log; exit 1; }
done
python3 - "$requests" "$rounds" "${variants[*]}" "${ports[*]}" "$routes" <<'PY'
import http.client, statistics, sys, time
requests, rounds = int(sys.argv[1]), int(sys.argv[2])
names = sys.argv[3].split()
ports = dict(zip(names, map(int, sys.argv[4].split())))
label = {"off": "tracing off", "0.1": "sampling 0.1", "1.0": "sampling 1.0"}
known = {"liveness": "/actuator/health/liveness", "portal": "/api/v1/portal/no-such-workspace/kb/articles"}
routes = [known[name] for name in sys.argv[5].split(",")]
def run(port, path, n):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    times = []
    for _ in range(n):
        start = time.perf_counter_ns()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        times.append((time.perf_counter_ns() - start) / 1e6)
        if response.status >= 500:
            sys.exit(f"{path} answered {response.status}: not a figure worth having")
    conn.close()
    return times
def p(xs, q):
    xs = sorted(xs)
    return xs[int(q * (len(xs) - 1))]
for path in routes:
    for name in names:
        run(ports[name], path, max(200, requests // 5))  # warm-up
    samples = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]  # each variant goes first in turn
        for name in order:
            samples[name] += run(ports[name], path, requests)
    base_median, base_p95 = statistics.median(samples["off"]), p(samples["off"], .95)
    for name in names:
        median, p95 = statistics.median(samples[name]), p(samples[name], .95)
        print(f"{path}: {label[name]:<13} median {median:.3f} ms p95 {p95:.3f} ms ({len(samples[name])} requests)"
              f"  ratio to off: median {median / base_median:.3f}, p95 {p95 / base_p95:.3f}")
PY

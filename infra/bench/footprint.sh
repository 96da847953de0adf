#!/usr/bin/env bash
# Measures what each service needs, for the Kubernetes requests and limits: resident memory (RSS) and CPU of
# helpdesk-api, tenant-provisioning and worker started from their jars (heap capped as in the manifests' limits) on
# the SAFARIDESK_* services or the running local stack, first idle, then while a few clients send anonymous requests
# that reach PostgreSQL (and Prometheus scrapes). Prints one line per service and phase. Stops what it started.
# Usage: infra/bench/footprint.sh [idle seconds=60] [load seconds=60] [clients=4]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
export JAVA_HOME
cd "$repo"
idle="${1:-60}"; load="${2:-60}"; clients="${3:-4}"
if [ -z "${SAFARIDESK_DB_URL:-}" ] && [ -f "${SAFARIDESK_HOME:-$HOME/.safaridesk}/run/stack.env" ]; then
  set -a; . "${SAFARIDESK_HOME:-$HOME/.safaridesk}/run/stack.env"; set +a
fi
scratch="$(mktemp -d)"
declare -A pid port
cleanup() { for p in "${pid[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$scratch"; }
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
start() { # name, jar, port variable
  port[$1]="$(free_port)"; taken+=("${port[$1]}")
  env "$3=${port[$1]}" SAFARIDESK_DB_POOL_SIZE=10 SAFARIDESK_QUEUE_PREFIX="safaridesk.footprint-$$" SAFARIDESK_MESSAGING_QUEUE_EXPIRES=2m \
    "$JAVA_HOME/bin/java" -XX:MaxRAMPercentage=70 -Xmx600m -jar "$2" --logging.level.root=WARN > "$scratch/$1.log" 2>&1 &
  pid[$1]="$!"
}
start tenant-provisioning tenant-provisioning/target/tenant-provisioning-exec.jar SAFARIDESK_PROVISIONING_PORT
start helpdesk-api helpdesk-api/target/helpdesk-api-exec.jar SAFARIDESK_HELPDESK_PORT
start worker worker/target/worker-exec.jar SAFARIDESK_WORKER_PORT
for name in "${!port[@]}"; do
  for _ in $(seq 1 400); do
    curl -fs "http://127.0.0.1:${port[$name]}/actuator/health/liveness" > /dev/null && break
    sleep 1
  done
done
sample() { # phase, seconds: RSS at the end and CPU used over the period, per service
  declare -A before
  for name in "${!pid[@]}"; do before[$name]="$(awk '{print $14+$15}' "/proc/${pid[$name]}/stat")"; done
  sleep "$2"
  ticks="$(getconf CLK_TCK)"
  for name in "${!pid[@]}"; do
    after="$(awk '{print $14+$15}' "/proc/${pid[$name]}/stat")"
    rss="$(awk '/VmRSS/ {print $2}' "/proc/${pid[$name]}/status")"
    awk -v n="$name" -v p="$1" -v r="$rss" -v t="$(( after - before[$name] ))" -v hz="$ticks" -v s="$2" \
      'BEGIN { printf "%-20s %-5s RSS %4d MiB  CPU %4d millicores\n", n, p, r/1024, t/hz/s*1000 }'
  done
}
sleep 20  # past start-up work
sample idle "$idle"
python3 - "${port[helpdesk-api]}" "${port[tenant-provisioning]}" "${port[worker]}" "$load" "$clients" <<'PY' &
import http.client, sys, threading, time
api, prov, worker, seconds, clients = map(int, sys.argv[1:])
end = time.time() + seconds
def client(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    while time.time() < end:
        conn.request("GET", path); conn.getresponse().read()
threads = [threading.Thread(target=client, args=(api, "/api/v1/portal/no-such-workspace/kb/articles")) for _ in range(clients)]
threads += [threading.Thread(target=client, args=(prov, "/api/v1/auth/workspaces/no-such-workspace")) for _ in range(max(1, clients // 2))]
threads += [threading.Thread(target=client, args=(p, "/actuator/prometheus")) for p in (api, prov, worker)]
[t.start() for t in threads]; [t.join() for t in threads]
PY
clients_pid="$!"
sample load "$load"
wait "$clients_pid"

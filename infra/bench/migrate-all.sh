#!/usr/bin/env bash
# Benchmark: `safaridesk tenant migrate --all` over N registered workspaces (default 200), in a scratch database on the
# PostgreSQL that SAFARIDESK_DB_URL names (its database part is replaced by safaridesk_bench_migrate).
# Prints wall times: fresh schemas (every tenant migration applied), up to date, and the CLI's start-up alone.
# Usage: SAFARIDESK_DB_URL=jdbc:postgresql://127.0.0.1:5432/x infra/bench/migrate-all.sh [N=200]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="$("$repo/infra/bin/find-jdk")"
count="${1:-200}"
server="${SAFARIDESK_DB_URL:?set SAFARIDESK_DB_URL}"
host_port="$(echo "$server" | sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#')"
psql_cmd=(psql -q -h "${host_port%%:*}" -p "${host_port##*:}" -U "${SAFARIDESK_DB_USER:-postgres}")
export SAFARIDESK_DB_URL="jdbc:postgresql://$host_port/safaridesk_bench_migrate"
"${psql_cmd[@]}" -d postgres -c "drop database if exists safaridesk_bench_migrate with (force)" \
  -c "create database safaridesk_bench_migrate"
jar="$repo/tenant-provisioning/target/tenant-provisioning-exec.jar"
[ -f "$jar" ] || "$repo/mvnw" -q -B -f "$repo/pom.xml" -DskipTests -Dspotless.check.skip=true package
cli() { "$JAVA_HOME/bin/java" -jar "$jar" tenant "$@"; }
cli list > /dev/null # creates the platform schema
"${psql_cmd[@]}" -d safaridesk_bench_migrate -c "insert into platform.tenants (id, slug, business_name, domain, status,
  admin_email, admin_name, domain_token, keycloak_url, issuer) select gen_random_uuid(), 'mig-' || i, 'Migrate ' || i,
  'mig-' || i || '.test', 'ACTIVE', 'a@mig-' || i || '.test', 'A', 'token', 'http://127.0.0.1:1',
  'http://127.0.0.1:1/realms/mig-' || i from generate_series(1, $count) i"
timed() { local label=$1; shift; local start; start=$(date +%s.%N); "$@" | tail -1; echo "$label: $(echo "$(date +%s.%N) - $start" | bc) s"; }
timed "fresh schemas, parallelism 4" cli migrate --all --parallelism 4
timed "up to date, parallelism 4" cli migrate --all --parallelism 4
timed "CLI start-up alone (tenant list)" cli list
"${psql_cmd[@]}" -d postgres -c "drop database safaridesk_bench_migrate with (force)"

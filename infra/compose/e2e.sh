#!/usr/bin/env bash
# End to end through the front door of compose.yaml, from images built beforehand (infra/bin/safaridesk images):
# a business signs up, proves its email (code read from the mail server) and its domain (a well-known file served on
# the stack's network), is provisioned; its admin logs in with OTP and creates a ticket; the requester's
# acknowledgement arrives; the stack is taken down and brought up again (volumes kept) and the ticket is still there;
# finally everything is removed, volumes included, and nothing of the project is left running.
#
# Secrets are generated for the run and passed through the environment (a .env next to compose.yaml is not needed;
# variables set in the environment win over it). Ports: SAFARIDESK_E2E_PORT_BASE (default 18400) + 80 (front door),
# + 25 (SMTP), + 43 (IMAP), + 72 (RabbitMQ management). Third-party images: SAFARIDESK_POSTGRES_IMAGE,
# SAFARIDESK_RABBITMQ_IMAGE, SAFARIDESK_MAIL_IMAGE (official ones by default). SAFARIDESK_E2E_READY_TIMEOUT: seconds
# the stack may take to answer after each start (default 900). Needs curl, jq and python3 (TOTP, JWT payload).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
started=$(date +%s)
log() { echo "[e2e $(( $(date +%s) - started ))s] $*"; }
fail() { echo "[e2e] FAILED: $*" >&2; exit 1; }

if [ -n "${SAFARIDESK_COMPOSE:-}" ]; then read -r -a compose <<< "$SAFARIDESK_COMPOSE"
elif command -v podman-compose >/dev/null; then compose=(podman-compose)
else compose=(docker compose)
fi
case "${compose[0]}" in podman*) engine=podman ;; *) engine=docker ;; esac
project="${SAFARIDESK_E2E_PROJECT:-safaridesk-e2e}"
compose+=(-p "$project" -f "$here/compose.yaml")

port_base="${SAFARIDESK_E2E_PORT_BASE:-18400}"
random() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }
export SAFARIDESK_HTTP_PORT=$((port_base + 80)) SAFARIDESK_MAIL_SMTP_PORT=$((port_base + 25))
export SAFARIDESK_MAIL_IMAP_PORT=$((port_base + 43)) SAFARIDESK_RABBITMQ_MANAGEMENT_PORT=$((port_base + 72))
export SAFARIDESK_PUBLIC_URL="http://127.0.0.1:$SAFARIDESK_HTTP_PORT"
export POSTGRES_PASSWORD=$(random) KEYCLOAK_DB_PASSWORD=$(random) KEYCLOAK_ADMIN_PASSWORD=$(random)
export RABBITMQ_PASSWORD=$(random) SAFARIDESK_SECRET_KEY=$(random) SAFARIDESK_SIGNUP_CODE_SECRET=$(random)
export SAFARIDESK_KB_VISITOR_KEY=$(random)
export SAFARIDESK_DOMAIN_VERIFICATION_ALLOW_PLAIN_HTTP=true SAFARIDESK_DOMAIN_VERIFICATION_ALLOW_TEST_DOMAINS=true
base="$SAFARIDESK_PUBLIC_URL"
imap="imap://127.0.0.1:$SAFARIDESK_MAIL_IMAP_PORT"
work="$(mktemp -d)"
domain_server="$project-domain"

cleanup() {
  status=$?
  if [ "$status" -ne 0 ]; then
    "${compose[@]}" ps >&2 || true
    for service in tenant-provisioning helpdesk-api keycloak front-door; do
      echo "--- last lines of $service" >&2
      "${compose[@]}" logs --tail 40 "$service" >&2 2>/dev/null || true
    done
  fi
  "$engine" rm -f "$domain_server" >/dev/null 2>&1 || true
  "${compose[@]}" down -v -t 45 >/dev/null 2>&1 || true
  "$engine" network rm -f "${project}_default" >/dev/null 2>&1 || true # podman-compose 1.0 leaves it
  rm -rf "$work"
  left=$("$engine" ps -a -q --filter "label=com.docker.compose.project=$project" | wc -l)
  [ "$left" -eq 0 ] || { echo "[e2e] $left container(s) of $project left behind" >&2; status=1; }
  exit "$status"
}
trap cleanup EXIT

# http METHOD PATH [JSON] [TOKEN] [HEADER]: the body goes to $work/body, the status to $code
http() {
  local args=(-s -o "$work/body" -w '%{http_code}' -X "$1" "$base$2" -H 'Accept: application/json')
  [ -n "${3:-}" ] && args+=(-H 'Content-Type: application/json' --data "$3")
  [ -n "${4:-}" ] && args+=(-H "Authorization: Bearer $4")
  [ -n "${5:-}" ] && args+=(-H "$5")
  code=$(curl "${args[@]}" || echo 000)
}
body() { jq -r "$1" "$work/body"; }
expect() { [ "$code" = "$1" ] || fail "$2: expected HTTP $1, got $code: $(cat "$work/body")"; }

# mail_subject ADDRESS TEXT: waits for a mail to ADDRESS whose subject contains TEXT, prints the subject (GreenMail
# makes a mailbox for each address it receives mail for, with the address as login and password)
mail_subject() {
  for _ in $(seq 120); do
    uids=$(curl -s "$imap/INBOX" -u "$1:$1" -X "UID SEARCH ALL" 2>/dev/null | tr -d '\r' | sed -n 's/^\* SEARCH//p')
    for uid in $uids; do
      subject=$(curl -s "$imap/INBOX;UID=$uid;SECTION=HEADER.FIELDS%20(SUBJECT)" -u "$1:$1" | tr -d '\r' \
        | sed -n 's/^Subject: //p')
      case "$subject" in *"$2"*) echo "$subject"; return 0 ;; esac
    done
    sleep 1
  done
  fail "no mail to $1 with '$2' in its subject"
}

totp() { # TOTP as Keycloak computes it for a secret stored as text: HMAC-SHA1 keyed with its UTF-8 bytes
  python3 -c 'import hmac,hashlib,struct,sys,time
h=hmac.new(sys.argv[1].encode(),struct.pack(">Q",int(time.time())//30),hashlib.sha1).digest()
o=h[-1]&15; print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$1"
}

await_ready() {
  log "waiting for the stack behind $base"
  local deadline=$(( $(date +%s) + ${SAFARIDESK_E2E_READY_TIMEOUT:-900} ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/docs/tenant-provisioning")" = 200 ] \
      && [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/docs/helpdesk-api")" = 200 ] \
      && [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/realms/master/.well-known/openid-configuration")" = 200 ]; then
      log "ready"; return 0
    fi
    sleep 2
  done
  fail "the stack did not answer through the front door within ${SAFARIDESK_E2E_READY_TIMEOUT:-900} s"
}

container_of() { # the container of a compose service (the engine directly: podman-compose prints to stdout too)
  "$engine" ps -q --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$1" \
    | head -1
}
kcadm() {
  "$engine" exec "$(container_of keycloak)" /opt/keycloak/bin/kcadm.sh "$@" --config /tmp/kcadm.config
}

log "starting ${compose[*]} up"
"${compose[@]}" up -d >"$work/up.log" 2>&1 || { cat "$work/up.log"; fail "compose up"; }
await_ready

issuer=$(curl -s "$base/realms/master/.well-known/openid-configuration" | jq -r .issuer)
[ "$issuer" = "$base/realms/master" ] || fail "Keycloak's issuer is $issuer, not under the front door $base"

slug="e2e-$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
domain="$slug.test" admin="owner@$slug.test" password="E2e-$(random)"
log "signing up $slug"
http POST /api/v1/auth/register "$(jq -nc --arg s "$slug" --arg d "$domain" --arg e "$admin" --arg p "$password" \
  '{business_name:"E2E Safaris", slug:$s, domain:$d, admin_name:"Owner", admin_email:$e, admin_password:$p}')"
expect 201 register
cp "$work/body" "$work/registered.json"
status_token=$(jq -r .status_token "$work/registered.json")
subject=$(mail_subject "$admin" "sign-up code")
otp_code=$(grep -o '[0-9]\{6\}' <<< "$subject" | head -1)
http POST /api/v1/auth/verify-otp/ "$(jq -nc --arg s "$slug" --arg c "$otp_code" '{slug:$s, code:$c}')"
expect 200 "verify the email code"

log "proving $domain with its well-known file"
# a static server on the stack's network under the domain's name: the front door's nginx with a config of its own
# (files under a hidden folder such as .well-known are served, unlike with the JDK's simple web server)
mkdir -p "$work/srv/site/.well-known"
jq -r .domain.well_known_file.content "$work/registered.json" > "$work/srv/site/.well-known/safaridesk-verification.txt"
cat > "$work/srv/nginx.conf" <<'CONF'
pid /tmp/nginx.pid;
error_log stderr warn;
events {}
http {
    access_log off;
    client_body_temp_path /tmp/client_body;
    proxy_temp_path /tmp/proxy;
    server { listen 80; root /srv/site; default_type text/plain; }
}
CONF
chmod -R a+rX "$work/srv"
"$engine" run -d --rm --name "$domain_server" --network "${project}_default" --network-alias "$domain" --user 0 \
  -v "$work/srv:/srv:ro,z" --entrypoint nginx \
  "${SAFARIDESK_IMAGE_PREFIX:-localhost/safaridesk}/front-door:${SAFARIDESK_IMAGE_TAG:-0.1.0-SNAPSHOT}" \
  -c /srv/nginx.conf -g 'daemon off;' >/dev/null
for _ in $(seq 30); do
  http POST /api/v1/auth/verify-domain "$(jq -nc --arg s "$slug" '{slug:$s}')" "" "X-Signup-Token: $status_token"
  [ "$(body .domain.verified)" = true ] && break
  sleep 2
done
[ "$(body .domain.verified)" = true ] || fail "domain not verified: $(cat "$work/body")"
"$engine" rm -f "$domain_server" >/dev/null

log "waiting for provisioning"
for _ in $(seq 180); do
  http GET "/api/v1/auth/workspaces/$slug" "" "" "X-Signup-Token: $(jq -r .status_token "$work/registered.json")"
  status=$(body .status)
  [ "$status" = ACTIVE ] && break
  sleep 2
done
[ "$status" = ACTIVE ] || fail "workspace $slug is $status after 6 minutes"

log "giving the admin an OTP credential (the set-up step a browser would do)"
kcadm config credentials --server http://localhost:8080 --realm master --user admin \
  --password "$KEYCLOAK_ADMIN_PASSWORD" >/dev/null
user_id=$(kcadm get users -r "$slug" -q "email=$admin" --fields id | jq -r '.[0].id')
otp_secret="e2e-$(random)"
kcadm update "users/$user_id" -r "$slug" -s 'requiredActions=[]' -s "credentials=[{\"type\":\"otp\",\"secretData\":\"{\\\"value\\\":\\\"$otp_secret\\\"}\",\"credentialData\":\"{\\\"subType\\\":\\\"totp\\\",\\\"digits\\\":6,\\\"counter\\\":0,\\\"period\\\":30,\\\"algorithm\\\":\\\"HmacSHA1\\\"}\"}]"

last_code=""
login() { # sets $token: the admin's access token, through the front door with password and OTP
  local code_now
  code_now=$(totp "$otp_secret")
  while [ "$code_now" = "$last_code" ]; do sleep 2; code_now=$(totp "$otp_secret"); done # codes are single-use
  last_code="$code_now"
  http POST /api/v1/auth/login "$(jq -nc --arg w "$slug" --arg e "$admin" --arg p "$password" --arg o "$code_now" \
    '{workspace:$w, email:$e, password:$p, otp:$o}')"
  expect 200 "login with OTP"
  token=$(body .access_token)
}
http POST /api/v1/auth/login "$(jq -nc --arg w "$slug" --arg e "$admin" --arg p "$password" \
  '{workspace:$w, email:$e, password:$p}')"
expect 401 "login without OTP"
sleep 2 # two failures within a second would trip brute-force protection
login
token_issuer=$(python3 -c 'import base64,json,sys
p=sys.argv[1].split(".")[1]; print(json.loads(base64.urlsafe_b64decode(p+"="*(-len(p)%4)))["iss"])' "$token")
[ "$token_issuer" = "$base/realms/$slug" ] || fail "the token's issuer is $token_issuer, not $base/realms/$slug"
http GET /api/v1/me "" "$token"
expect 200 "GET /api/v1/me"
[ "$(body .workspace)" = "$slug" ] || fail "/api/v1/me names another workspace: $(cat "$work/body")"

requester="requester-$slug@customer.test"
log "creating a ticket for $requester"
http POST /api/v1/tickets "$(jq -nc --arg e "$requester" \
  '{subject:"Printer on fire", description:"<p>Smoke everywhere</p>", channel:"EMAIL", requester:{name:"Rita Requester", email:$e}}')" "$token"
expect 201 "create a ticket"
ticket_id=$(body .id)
acknowledgement=$(mail_subject "$requester" "Printer on fire")
log "acknowledgement received: $acknowledgement"

log "restarting the stack (containers re-created, volumes kept)"
"${compose[@]}" down -t 45 >"$work/down.log" 2>&1 || { cat "$work/down.log"; fail "compose down"; }
"${compose[@]}" up -d >"$work/up.log" 2>&1 || { cat "$work/up.log"; fail "compose up again"; }
await_ready
login
http GET "/api/v1/tickets/$ticket_id" "" "$token"
expect 200 "the ticket after the restart"
[ "$(body .subject)" = "Printer on fire" ] || fail "the ticket changed: $(cat "$work/body")"

log "bringing everything down"
"${compose[@]}" down -v -t 45 >/dev/null 2>&1
log "PASSED in $(( $(date +%s) - started )) s"

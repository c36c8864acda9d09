#!/usr/bin/env bash
# `bin/privacy-gate demo`: the whole flow against the suite that `bin/privacy-gate up` started, through the
# public APIs only, with real tokens from its Keycloak. Each run uses a new sample person, so it can be repeated.
set -euo pipefail

home="${PRIVACY_GATE_HOME:?run this through bin/privacy-gate demo}"
keycloak="http://127.0.0.1:${PRIVACY_GATE_KEYCLOAK_PORT:-8180}"
consent="http://127.0.0.1:8081"
ingestion="http://127.0.0.1:8082"
dsr="http://127.0.0.1:8083"
audit="http://127.0.0.1:8084"
token_url="$keycloak/realms/privacy-gate/protocol/openid-connect/token"
work="$home/demo"
run_id="$(date +%s)"

step_number=0
step() { step_number=$((step_number + 1)); printf '\n\033[1m%d. %s\033[0m\n' "$step_number" "$*"; }
say() { printf '   %s\n' "$*"; }
open_next() { printf '   \033[2m→ %s\033[0m\n' "$*"; }
die() { printf '\nprivacy-gate demo: %s\n' "$*" >&2; exit 1; }

for tool in curl jq openssl; do
  command -v "$tool" >/dev/null || die "$tool is needed (Debian: apt-get install $tool)"
done

# --- The suite must be up -------------------------------------------------------------------------------------
require_up() {
  local name="$1" url="$2"
  curl -fsS -o /dev/null --max-time 3 "$url" 2>/dev/null \
    || die "$name does not answer at ${url%%/q/*}. Is the suite up? Start it with: bin/privacy-gate up   (then: bin/privacy-gate status)"
}
require_up Keycloak "$keycloak/realms/privacy-gate/.well-known/openid-configuration"
require_up consent-service "$consent/q/health/ready"
require_up ingestion-service "$ingestion/q/health/ready"
require_up dsr-service "$dsr/q/health/ready"
require_up audit-service "$audit/q/health/ready"
[ -f "$home/run/suite.env" ] || die "no $home/run/suite.env: this suite was not started by bin/privacy-gate up with PRIVACY_GATE_HOME=$home"
# shellcheck source=/dev/null
. "$home/run/suite.env"
mkdir -p "$work"

# --- HTTP helpers: the answer's body goes to $body, its status to $status ---------------------------------------
body=""
status=""
call() {
  local method="$1" url="$2" token="$3" json="${4:-}"
  shift 4 || shift $#
  local args=(-sS -X "$method" -o "$work/answer" -w '%{http_code}' --max-time 30)
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$json" ] && args+=(-H 'Content-Type: application/json' --data-binary "$json")
  status="$(curl "${args[@]}" "$@" "$url")" || die "$method $url failed: the service did not answer"
  body="$(cat "$work/answer")"
}
# Saves the answer's body to a file (a binary package, say) instead of $body.
download() {
  local url="$1" token="$2" file="$3"
  status="$(curl -sS -o "$file" -w '%{http_code}' --max-time 60 -H "Authorization: Bearer $token" "$url")" \
    || die "GET $url failed: the service did not answer"
  body=""
}
expect() {
  local wanted="$1" what="$2" code
  for code in $wanted; do [ "$status" = "$code" ] && return 0; done
  die "$what: expected HTTP $wanted, got $status: $(jq -r '.title // .detail // .' <<<"$body" 2>/dev/null | head -c 300)"
}
# Retries a check every 2 s for up to $1 seconds; the check is a function name.
await() {
  local seconds="$1" check="$2" waited=0
  until "$check"; do
    [ "$waited" -ge "$seconds" ] && return 1
    sleep 2; waited=$((waited + 2))
  done
}

user_token() {
  curl -fsS --max-time 10 -d grant_type=password -d client_id=operator-console -d username="$1" -d password=demo "$token_url" \
    | jq -er .access_token || die "Keycloak refused the demo user $1 (password grant of operator-console)"
}
service_token() {
  curl -fsS --max-time 10 -d grant_type=client_credentials -d client_id="$1" -d client_secret="$1-secret" "$token_url" \
    | jq -er .access_token || die "Keycloak refused the client credentials of $1"
}

# A delivery signed as Meta signs it: HMAC-SHA256 of the raw body under the page's app secret, lower-case hex.
deliver_meta() {
  local json="$1" signature
  signature="$(printf '%s' "$json" | openssl dgst -sha256 -hmac "$meta_app_secret" -r | cut -d' ' -f1)"
  call POST "$ingestion/webhooks/meta" "" "$json" -H "X-Hub-Signature-256: sha256=$signature"
  expect 200 "the signed Meta webhook"
}

decide() {
  local extra=("$@")
  call POST "$consent/api/v1/decisions" "$ingestion_token" \
    "$(jq -nc --arg s "$subject" '{subjectId:$s, purpose:"marketing-leads", channel:"facebook"}')" "${extra[@]}"
  expect 200 "the decision"
}

# --- 1. Sign in ---------------------------------------------------------------------------------------------
step "Signing in through Keycloak ($keycloak, realm privacy-gate)"
dpo_token="$(user_token demo-dpo)"
operator_token="$(user_token demo-operator)"
auditor_token="$(user_token demo-auditor)"
agent_token="$(user_token demo-agent)"
ingestion_token="$(service_token ingestion-service)"
say "demo-dpo, demo-operator, demo-auditor and demo-agent signed in with their passwords (client operator-console);"
say "ingestion-service got its own token with its client credentials, as it does when it calls consent-service."

# --- 2. Purposes ----------------------------------------------------------------------------------------------
step "The DPO's register of processing activities (Art. 30)"
ensure_purpose() {
  local key="$1" title="$2" basis="$3" categories="$4" gpc="$5"
  call GET "$consent/api/v1/purposes/$key" "$dpo_token"
  if [ "$status" = 200 ]; then
    say "$key: already defined (version $(jq -r .version <<<"$body"), legal basis $(jq -r .legalBasis <<<"$body"))"
    return
  fi
  # A purpose on another basis than consent is active only with the contract or law it rests on (Art. 6(1)).
  call POST "$consent/api/v1/purposes" "$dpo_token" "$(jq -nc --arg k "$key" --arg t "$title" --arg b "$basis" \
    --argjson c "$categories" --argjson g "$gpc" '{key:$k, title:$t, description:$t, legalBasis:$b, dataCategories:$c,
      retention:"P1Y", recipients:["CRM team"], channels:["facebook","messenger","instagram","crm"],
      noticeUrl:("https://example.org/privacy/" + $k), noticeVersion:"1", gpcApplies:$g}
      + (if $b == "CONSENT" then {} else {basisReference: "The customer service terms, section 4 (answering enquiries)"} end)')"
  expect 201 "defining the purpose $key"
  say "$key: defined by demo-dpo (legal basis $basis)"
}
ensure_purpose marketing-leads "Marketing to people who filled in a lead form" CONSENT '["contact","name","form-answers"]' true
ensure_purpose social-engagement "Answering comments on our pages" CONSENT '["name","message-content"]' false
ensure_purpose customer-support "Answering customers' messages" CONTRACT '["name","message-content"]' false
open_next "the ROPA as CSV: curl -H \"Authorization: Bearer \$TOKEN\" -H 'Accept: text/csv' $consent/api/v1/ropa"

# --- 3. Consent -----------------------------------------------------------------------------------------------
email="lea.$run_id@example.org"
full_name="Léa Demo-$run_id"
facebook_id="77$run_id"
form_id="4444$run_id"
step "Léa ($email) ticks the consent box of a Meta lead form"
call GET "$consent/api/v1/purposes/marketing-leads" "$dpo_token"
notice_version="$(jq -r .noticeVersion <<<"$body")"
call POST "$consent/api/v1/consents" "$ingestion_token" "$(jq -nc --arg e "$email" --arg f "$facebook_id" --arg n "$notice_version" \
  --arg form "$form_id" '{identifiers:[{type:"email",value:$e},{type:"facebook",value:$f}], purpose:"marketing-leads",
    state:"GRANTED", noticeVersion:$n, collectionMethod:"meta-lead-form",
    evidence:{source:"https://www.facebook.com/ads/lead_gen", formId:$form}}')"
expect 201 "recording the consent"
subject="$(jq -r .subjectId <<<"$body")"
receipt="$(jq -r .receiptId <<<"$body")"
say "consent GRANTED for marketing-leads (notice version $notice_version), recorded with its evidence."
say "Léa is the pseudonymous subject $subject; her e-mail is stored only encrypted, found by a blind index."
open_next "her signed receipt (a JWS): $consent/api/v1/receipts/$receipt   (keys: $consent/api/v1/receipts/jwks)"

# --- 4. A signed lead webhook ---------------------------------------------------------------------------------
step "Meta delivers Léa's lead as a signed webhook"
if [ -z "${graph_leads:-}" ]; then
  say "skipped: this suite reads leads from a real Graph API (PRIVACY_GATE_PLATFORMS_META_GRAPH_URL), which has no demo lead."
else
  leadgen_id="5555$run_id"
  jq -nc --arg id "$leadgen_id" --arg form "$form_id" --arg e "$email" --arg n "$full_name" \
    '{id:$id, created_time:"2026-11-29T09:00:00+0000", form_id:$form, ad_id:"23850000000000001",
      field_data:[{name:"email",values:[$e]},{name:"full_name",values:[$n]},{name:"preferred_store",values:["Lyon"]}]}' \
    >"$graph_leads/$leadgen_id.json"
  now="$(date +%s)"
  deliver_meta "$(jq -nc --arg form "$form_id" --arg lead "$leadgen_id" --argjson t "$now" '{object:"page", entry:[{id:"1234567890",
    time:$t, changes:[{field:"leadgen", value:{ad_id:"23850000000000001", form_id:$form, leadgen_id:$lead, created_time:$t,
    page_id:"1234567890"}}]}]}')"
  say "POST $ingestion/webhooks/meta, X-Hub-Signature-256 over the raw bytes with the page's app secret: accepted (200)."
  contact_ready() {
    call GET "$ingestion/api/v1/contacts/$subject" "$agent_token" "" -H "X-Purpose: marketing-leads"
    [ "$status" = 200 ]
  }
  await 60 contact_ready || die "the lead did not reach the CRM within 60 s (bin/privacy-gate logs ingestion-service)"
  say "consent checked, answers fetched from the Graph API (a local stand-in: $graph_leads), minimised to the"
  say "purpose's data categories, encrypted under Léa's own key and stored. demo-agent reads it for marketing-leads:"
  jq -r '.fields | to_entries[] | "     \(.key): \(.value)"' <<<"$body"
  open_next "GET $ingestion/api/v1/contacts/$subject with the header X-Purpose: marketing-leads (role crm-agent)"
fi

# --- 5. An unconsented comment --------------------------------------------------------------------------------
step "Someone who never consented comments on the page"
stranger="88$run_id"
now="$(date +%s)"
deliver_meta "$(jq -nc --arg from "$stranger" --arg id "$run_id" --argjson t "$now" '{object:"page", entry:[{id:"1234567890",
  time:$t, changes:[{field:"feed", value:{from:{id:$from, name:("Sam Sample " + $id)}, message:("Nice shop! " + $id),
  post_id:"1234567890_98765", comment_id:("98765_" + $id), created_time:$t, item:"comment",
  parent_id:"1234567890_98765", verb:"add"}}]}]}')"
call POST "$consent/api/v1/subjects/resolve" "$ingestion_token" "$(jq -nc --arg f "$stranger" '{identifiers:[{type:"facebook",value:$f}]}')"
expect 200 "resolving the commenter"
stranger_subject="$(jq -r .subjectId <<<"$body")"
comment_denied() {
  call GET "$audit/api/v1/events?subjectRef=$stranger_subject" "$auditor_token"
  [ "$status" = 200 ] && jq -e '[.items[].event.outcome] | index("DENIED")' <<<"$body" >/dev/null
}
await 60 comment_denied || die "no DENIED audit event for the comment within 60 s (bin/privacy-gate logs ingestion-service)"
say "social-engagement needs consent, which this person never gave: the comment's text and name were dropped."
say "The audit log keeps only the pseudonymous subject $stranger_subject and the reason ($(jq -r \
  '[.items[].event | select(.outcome == "DENIED")][0] | .details.reason // .action' <<<"$body"))."
open_next "GET $audit/api/v1/events?subjectRef=$stranger_subject (role auditor)"

# --- 6. Global Privacy Control --------------------------------------------------------------------------------
step "Decisions: may ingestion-service use Léa's data for marketing-leads?"
decide
say "without a browser signal: permitted=$(jq -r .permitted <<<"$body") ($(jq -r .legalBasis <<<"$body"), $(jq -r .reason <<<"$body"))"
decide -H "Sec-GPC: 1"
say "with Sec-GPC: 1 (Global Privacy Control): permitted=$(jq -r .permitted <<<"$body") ($(jq -r .reason <<<"$body"))"

# --- 7. Withdrawal --------------------------------------------------------------------------------------------
step "Léa withdraws her consent, as easily as she gave it (Art. 7(3))"
call POST "$consent/api/v1/consents" "$ingestion_token" \
  "$(jq -nc --arg s "$subject" '{subjectId:$s, purpose:"marketing-leads", state:"WITHDRAWN", collectionMethod:"privacy-center"}')"
expect 201 "withdrawing the consent"
say "consent WITHDRAWN (receipt $(jq -r .receiptId <<<"$body")); ingestion-service is told through the outbox."
decide
say "the decision now: permitted=$(jq -r .permitted <<<"$body") ($(jq -r .reason <<<"$body"))"
open_next "her history, oldest first: GET $consent/api/v1/subjects/$subject/consents/history (role dpo or privacy-operator)"

# --- 8. A data subject request --------------------------------------------------------------------------------
step "Léa asks for a copy of her data (Art. 15); demo-operator files and verifies the request"
call POST "$dsr/api/v1/requests" "$operator_token" "$(jq -nc --arg e "$email" \
  '{type:"ACCESS", identifiers:[{type:"email",value:$e}], channel:"email", details:"Demo: please send me a copy of my data"}')"
expect 201 "filing the request"
request="$(jq -r .id <<<"$body")"
say "request $request: $(jq -r .status <<<"$body"), received $(jq -r .receivedAt <<<"$body"), due $(jq -r .dueAt <<<"$body") (one month, Art. 12(3))"
call POST "$dsr/api/v1/requests/$request/verification" "$operator_token" \
  '{"method":"OPERATOR_ATTESTED","evidence":"Demo: the requester answered from the address on file"}'
expect "200 202" "verifying the request"
say "identity verified (OPERATOR_ATTESTED by demo-operator): the request fans out to every service holding data."
request_completed() {
  call GET "$dsr/api/v1/requests/$request" "$operator_token"
  [ "$status" = 200 ] && [ "$(jq -r .status <<<"$body")" = COMPLETED ]
}
await 120 request_completed || die "request $request was not COMPLETED within 120 s (status $(jq -r .status <<<"$body"); bin/privacy-gate logs dsr-service)"
say "COMPLETED."
export_zip="$work/access-$request.zip"
download "$dsr/api/v1/requests/$request/export" "$operator_token" "$export_zip"
expect 200 "downloading the export"
say "the Art. 15 package, saved as $export_zip:"
if command -v unzip >/dev/null; then
  unzip -Z1 "$export_zip" | sed 's/^/     /'
fi
open_next "GET $dsr/api/v1/requests/$request and .../export (role privacy-operator or dpo)"

# --- 9. A deletion that comes from the platform ---------------------------------------------------------------
step "Léa removes the app on Facebook: Meta's data deletion callback is followed to completion"
# Meta's signed_request: base64url(HMAC-SHA256(payload part, app secret)) "." base64url(payload), without padding.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
payload="$(jq -jnc --arg u "$facebook_id" --argjson t "$(date +%s)" '{algorithm:"HMAC-SHA256", issued_at:$t, user_id:$u}' | b64url)"
signature="$(printf '%s' "$payload" | openssl dgst -sha256 -hmac "$meta_app_secret" -binary | b64url)"
call POST "$ingestion/webhooks/meta/data-deletion" "" "" --data-urlencode "signed_request=$signature.$payload"
expect 200 "Meta's data deletion callback"
deletion_url="$(jq -r .url <<<"$body")"
say "POST $ingestion/webhooks/meta/data-deletion, signed_request verified: confirmation code $(jq -r .confirmation_code <<<"$body")."
say "Meta shows Léa the status page $deletion_url; dsr-service got an erasure request, verified by Meta's signature."
deletion_done() {
  call GET "$deletion_url" "" "" -H "Accept: application/json"
  [ "$status" = 200 ] && [ "$(jq -r .status <<<"$body")" = completed ]
}
await 120 deletion_done || die "the deletion was not completed within 120 s (status $(jq -r .status <<<"$body"); bin/privacy-gate logs dsr-service)"
say "status: completed. Léa's data is erased in every service and her data keys are shredded:"
call GET "$ingestion/api/v1/contacts/$subject" "$agent_token" "" -H "X-Purpose: marketing-leads"
say "the CRM now answers $status for her contact."
open_next "the status page Meta links to: $deletion_url"

# --- 9. What to open next -------------------------------------------------------------------------------------
step "The audit log proves all of it"
# audit-service signs checkpoints on its schedule; the DPO may ask for one now, covering every event so far.
call POST "$audit/api/v1/checkpoints" "$dpo_token"
expect "200 201" "signing a checkpoint"
say "signed checkpoint: tree size $(jq -r .treeSize <<<"$body"), root $(jq -r .rootHash <<<"$body" | cut -c1-16)…, key $(jq -r .keyId <<<"$body")"
say "(events still on their way from the services' outboxes go into the next one)"
open_next "verify it all: POST $audit/api/v1/verification (role auditor)"

printf '\n\033[1mDone. What to open next\033[0m\n'
for service_url in "$consent" "$ingestion" "$dsr" "$audit"; do
  say "Swagger UI: $service_url/q/swagger-ui"
done
page_served() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1")" != 404 ]; }
page_served "$dsr/console" && say "Operator console (sign in as demo-dpo / demo): $dsr/console"
page_served "$consent/privacy" && say "Privacy center (for data subjects): $consent/privacy"
say "Keycloak: $keycloak (realm privacy-gate; demo users demo-dpo, demo-operator, demo-auditor, demo-agent, password demo)"
say "A token for curl: curl -s -d grant_type=password -d client_id=operator-console -d username=demo-dpo -d password=demo $token_url | jq -r .access_token"

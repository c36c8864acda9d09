#!/usr/bin/env bash
# `bin/privacy-gate keys status | rotate | retire [KEK [VERSION]]`: the key lifecycle of every service of the suite
# that `bin/privacy-gate up` started, through each service's /api/v1/keys with the demo DPO's token. On Kubernetes the
# same calls are the runbook of deploy/README.md ("Key rotation").
#   status  each KEK's newest and oldest readable version, and how many stored keys still need rewrapping
#   rotate  a new version of every KEK in every service, then waits until every stored key is rewrapped under it
#   retire  raises the minimum decryption version (every KEK to its newest, or KEK [VERSION]); a service refuses,
#           naming what remains, while anything still needs an older version
set -euo pipefail

keycloak="http://127.0.0.1:${PRIVACY_GATE_KEYCLOAK_PORT:-8180}"
token_url="$keycloak/realms/privacy-gate/protocol/openid-connect/token"
declare -A service_url=([consent-service]=http://127.0.0.1:8081 [ingestion-service]=http://127.0.0.1:8082
                        [dsr-service]=http://127.0.0.1:8083 [audit-service]=http://127.0.0.1:8084)
services=(consent-service ingestion-service dsr-service audit-service)
answer="$(mktemp)"
trap 'rm -f "$answer"' EXIT

die() { printf 'privacy-gate keys: %s\n' "$*" >&2; exit 1; }
for tool in curl jq; do
  command -v "$tool" >/dev/null || die "$tool is needed (Debian: apt-get install $tool)"
done

token="$(curl -fsS --max-time 10 -d grant_type=password -d client_id=operator-console -d username=demo-dpo -d password=demo \
  "$token_url" | jq -er .access_token)" || die "no token from Keycloak at $keycloak: is the suite up? (bin/privacy-gate status)"

# call METHOD SERVICE PATH [JSON]: the body lands in $answer, the status is printed.
call() {
  local args=(-sS -X "$1" -o "$answer" -w '%{http_code}' --max-time 60 -H "Authorization: Bearer $token")
  [ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
  curl "${args[@]}" "${service_url[$2]}$3" || die "$2 does not answer"
}

print_status() {
  printf '%-18s %-13s %7s %7s %9s %10s\n' SERVICE KEK NEWEST OLDEST TO-REWRAP UNREADABLE
  local service
  for service in "${services[@]}"; do
    [ "$(call GET "$service" /api/v1/keys)" = 200 ] || die "$service: GET /api/v1/keys answered $(jq -r .detail "$answer" 2>/dev/null)"
    jq -r --arg s "$service" '.keks[] | [$s, .kek, .latestVersion, .minDecryptionVersion, .toRewrap, .unreadable] | @tsv' "$answer" \
      | while IFS=$'\t' read -r s k n o r u; do printf '%-18s %-13s %7s %7s %9s %10s\n' "$s" "$k" "$n" "$o" "$r" "$u"; done
  done
}

left_to_rewrap() {
  local service total=0 count
  for service in "${services[@]}"; do
    [ "$(call GET "$service" /api/v1/keys)" = 200 ] || die "$service: GET /api/v1/keys failed"
    count="$(jq '[.keks[].toRewrap] | add + (if .rewrapRunning then 1 else 0 end)' "$answer")"
    total=$((total + count))
  done
  echo "$total"
}

cmd_rotate() {
  local service code
  for service in "${services[@]}"; do
    code="$(call POST "$service" /api/v1/keys/rotate)"
    [ "$code" = 202 ] || die "$service refused the rotation ($code): $(jq -r .detail "$answer" 2>/dev/null)"
    echo "$service: rotated, rewrapping"
  done
  local waited=0 left
  while left="$(left_to_rewrap)"; [ "$left" != 0 ]; do
    [ "$waited" -ge "${PRIVACY_GATE_REWRAP_WAIT:-600}" ] && die "still $left keys to rewrap after ${waited}s; see: bin/privacy-gate keys status"
    sleep 2; waited=$((waited + 2))
  done
  echo "every stored key is under the newest version ($waited s); retire the old ones with: bin/privacy-gate keys retire"
  print_status
}

cmd_retire() {
  local body="{}" service code failed=0
  if [ -n "${1:-}" ]; then
    body="$(jq -cn --arg k "$1" --arg v "${2:-}" '{kek: $k} + (if $v == "" then {} else {minDecryptionVersion: ($v | tonumber)} end)')"
  fi
  for service in "${services[@]}"; do
    code="$(call POST "$service" /api/v1/keys/retire "$body")"
    if [ "$code" = 200 ]; then
      echo "$service: retired"
    else
      echo "$service: refused ($code): $(jq -r .detail "$answer" 2>/dev/null)" >&2
      failed=1
    fi
  done
  print_status
  return "$failed"
}

case "${1:-status}" in
  status) print_status ;;
  rotate) cmd_rotate ;;
  retire) shift; cmd_retire "$@" ;;
  *) die "usage: bin/privacy-gate keys status | rotate | retire [KEK [VERSION]]" ;;
esac

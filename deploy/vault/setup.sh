#!/usr/bin/env bash
# Sets up Vault for Privacy Gate: the transit engine and each service's own transit keys (with rotation), one
# policy per service (policies/*.hcl) that reaches only that service's keys, and one Kubernetes auth role per
# service, bound to that service's ServiceAccount in its namespace. No key is shared between services: a
# service that is compromised cannot unwrap another's data keys or compute another's blind indexes.
# Safe to run again: what exists is left as it is, settings are rewritten.
#
# Run it with a Vault token that may manage sys/mounts, sys/auth, sys/policies, transit/ and
# auth/kubernetes/ (not the services' tokens):
#
#   VAULT_ADDR=https://vault.example.com:8200 VAULT_TOKEN=... deploy/vault/setup.sh
#
# Settings (environment):
#   PRIVACY_GATE_NAMESPACE   the namespace of the services (default: privacy-gate, as deploy/overlays/prod)
#   KUBERNETES_HOST          when set, also writes auth/kubernetes/config with it (the API server URL as
#                            Vault reaches it); with KUBERNETES_CA_CERT_FILE for its CA. Leave it unset if
#                            your Kubernetes auth method is configured already (one per cluster).
#   SUBJECT_KEK_ROTATION     auto-rotation period of the <service>-subject-kek keys (default 360h = 15 days, the services'
#                            own privacy-gate.keys.rotation-period, which also retires; Vault's rotation is the backstop)
#   OTHER_KEYS_ROTATION      auto-rotation period of the blind-index, signing-keys and checkpoint-signing keys
#                            (default 8760h)
#   DRY_RUN=1                print the vault commands instead of running them (needs no Vault)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
namespace="${PRIVACY_GATE_NAMESPACE:-privacy-gate}"
subject_kek_rotation="${SUBJECT_KEK_ROTATION:-360h}"
other_rotation="${OTHER_KEYS_ROTATION:-8760h}"
services=(consent-service ingestion-service dsr-service audit-service)

if [[ "${DRY_RUN:-}" == 1 ]]; then
  vault() { echo "vault $*"; }
  exists() { return 1; }
else
  command -v vault >/dev/null || { echo "setup.sh: the vault CLI is not on PATH" >&2; exit 1; }
  : "${VAULT_ADDR:?set VAULT_ADDR}"
  exists() { vault "$@" >/dev/null 2>&1; }
fi

# 1. The transit engine, at the path the services use (quarkus.vault.transit-secret-engine-mount-path).
if ! exists read sys/mounts/transit; then
  vault secrets enable -path=transit transit
fi

# 2. The transit keys: each service has its own, one per purpose of use (DESIGN §3), named <service>-<purpose>
#    (the services are configured with these names: PRIVACY_GATE_KEYS_VAULT_* in deploy/base/<service>/config.env).
#    Never exportable, never deletable.
transit_keys=()
for service in "${services[@]}"; do
  #              name                       type          auto-rotation
  transit_keys+=("$service-subject-kek    aes256-gcm96  $subject_kek_rotation")
  transit_keys+=("$service-blind-index    aes256-gcm96  $other_rotation")
  transit_keys+=("$service-signing-keys   aes256-gcm96  $other_rotation")
done
# Only audit-service signs checkpoints.
transit_keys+=("audit-service-checkpoint-signing ed25519 $other_rotation")
for line in "${transit_keys[@]}"; do
  read -r name type rotation <<<"$line"
  if ! exists read "transit/keys/$name"; then
    vault write "transit/keys/$name" "type=$type"
  fi
  vault write "transit/keys/$name/config" "auto_rotate_period=$rotation" deletion_allowed=false
done
# Old key versions stay usable for decryption until min_decryption_version is raised, after the services have
# rewrapped their stored keys: each service's POST /api/v1/keys/retire does it, refusing while anything needs an older
# version (deploy/README.md, "Key rotation and backups"). That is what makes old backups unreadable after an
# erasure. This script never raises it.

# 3. One policy per service, from policies/<service>.hcl: its own keys only.
for service in "${services[@]}"; do
  vault policy write "privacy-gate-$service" "$here/policies/$service.hcl"
done

# 4. Kubernetes auth: one role per service, bound to its ServiceAccount and namespace, for tokens whose
#    audience is "vault" (the services mount such a projected token; no API token is automounted).
if ! exists read sys/auth/kubernetes; then
  vault auth enable kubernetes
fi
if [[ -n "${KUBERNETES_HOST:-}" ]]; then
  ca_args=()
  [[ -n "${KUBERNETES_CA_CERT_FILE:-}" ]] && ca_args=("kubernetes_ca_cert=@$KUBERNETES_CA_CERT_FILE")
  vault write auth/kubernetes/config "kubernetes_host=$KUBERNETES_HOST" "${ca_args[@]}"
fi
for service in "${services[@]}"; do
  vault write "auth/kubernetes/role/$service" \
    "bound_service_account_names=$service" \
    "bound_service_account_namespaces=$namespace" \
    audience=vault \
    "token_policies=privacy-gate-$service" \
    token_ttl=1h \
    token_max_ttl=4h
done

echo "Vault is set up for Privacy Gate in namespace $namespace." >&2

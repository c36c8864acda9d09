# Vault policy privacy-gate-consent-service: the transit paths consent-service uses, on its own keys only
# (consent-service-<purpose>), and nothing else. Bound to the Kubernetes auth role consent-service
# (deploy/vault/setup.sh). No key of another service is named here (issue 18): a compromised service cannot
# unwrap another's data keys nor compute another's blind indexes. No create, delete, export, configuration or
# rotation of keys: those belong to the operator's own Vault token.

# consent-service-subject-kek: wraps each data subject's data key (DEK).
path "transit/encrypt/consent-service-subject-kek" {
  capabilities = ["update"]
}
path "transit/decrypt/consent-service-subject-kek" {
  capabilities = ["update"]
}
# Rewrap after a rotation (the key never leaves Vault in the clear).
path "transit/rewrap/consent-service-subject-kek" {
  capabilities = ["update"]
}
# The key's metadata (latest version), never its material: transit keys are not exportable.
path "transit/keys/consent-service-subject-kek" {
  capabilities = ["read"]
}

# consent-service-blind-index: wraps the HMAC key of the blind index.
path "transit/encrypt/consent-service-blind-index" {
  capabilities = ["update"]
}
path "transit/decrypt/consent-service-blind-index" {
  capabilities = ["update"]
}
# Rewrap after a rotation (the key never leaves Vault in the clear).
path "transit/rewrap/consent-service-blind-index" {
  capabilities = ["update"]
}
# The key's metadata (latest version), never its material: transit keys are not exportable.
path "transit/keys/consent-service-blind-index" {
  capabilities = ["read"]
}

# consent-service-signing-keys: wraps signing keys the service holds itself (e.g. receipt keys).
path "transit/encrypt/consent-service-signing-keys" {
  capabilities = ["update"]
}
path "transit/decrypt/consent-service-signing-keys" {
  capabilities = ["update"]
}
# Rewrap after a rotation (the key never leaves Vault in the clear).
path "transit/rewrap/consent-service-signing-keys" {
  capabilities = ["update"]
}
# The key's metadata (latest version), never its material: transit keys are not exportable.
path "transit/keys/consent-service-signing-keys" {
  capabilities = ["read"]
}

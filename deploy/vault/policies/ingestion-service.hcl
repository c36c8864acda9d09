# Vault policy privacy-gate-ingestion-service: the transit paths ingestion-service uses, on its own keys only
# (ingestion-service-<purpose>), and nothing else. Bound to the Kubernetes auth role ingestion-service
# (deploy/vault/setup.sh). No key of another service is named here (issue 18): a compromised service cannot
# unwrap another's data keys nor compute another's blind indexes. No create, delete, export, configuration or
# rotation of keys: those belong to the operator's own Vault token.

# ingestion-service-subject-kek: wraps each data subject's data key (DEK).
path "transit/encrypt/ingestion-service-subject-kek" {
  capabilities = ["update"]
}
path "transit/decrypt/ingestion-service-subject-kek" {
  capabilities = ["update"]
}
# Rewrap after a rotation (the key never leaves Vault in the clear).
path "transit/rewrap/ingestion-service-subject-kek" {
  capabilities = ["update"]
}
# The key's metadata (latest version), never its material: transit keys are not exportable.
path "transit/keys/ingestion-service-subject-kek" {
  capabilities = ["read"]
}

# ingestion-service-blind-index: wraps the HMAC key of the blind index.
path "transit/encrypt/ingestion-service-blind-index" {
  capabilities = ["update"]
}
path "transit/decrypt/ingestion-service-blind-index" {
  capabilities = ["update"]
}
# Rewrap after a rotation (the key never leaves Vault in the clear).
path "transit/rewrap/ingestion-service-blind-index" {
  capabilities = ["update"]
}
# The key's metadata (latest version), never its material: transit keys are not exportable.
path "transit/keys/ingestion-service-blind-index" {
  capabilities = ["read"]
}

# ingestion-service-signing-keys: wraps signing keys the service holds itself (e.g. receipt keys).
path "transit/encrypt/ingestion-service-signing-keys" {
  capabilities = ["update"]
}
path "transit/decrypt/ingestion-service-signing-keys" {
  capabilities = ["update"]
}
# Rewrap after a rotation (the key never leaves Vault in the clear).
path "transit/rewrap/ingestion-service-signing-keys" {
  capabilities = ["update"]
}
# The key's metadata (latest version), never its material: transit keys are not exportable.
path "transit/keys/ingestion-service-signing-keys" {
  capabilities = ["read"]
}

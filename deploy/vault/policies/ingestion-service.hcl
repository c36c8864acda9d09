# Vault policy privacy-gate-ingestion-service: the transit paths ingestion-service uses, on its own keys only
# (ingestion-service-<purpose>), and nothing else. Bound to the Kubernetes auth role ingestion-service
# (deploy/vault/setup.sh). No key of another service is named here (issue 18): a compromised service cannot
# unwrap another's data keys nor compute another's blind indexes. No create, delete or export of keys, and of their
# configuration only min_decryption_version: the rest belongs to the operator's own Vault token.

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
# Rotation by the service (POST /api/v1/keys/rotate): a new version only adds, the old ones still decrypt.
path "transit/keys/ingestion-service-subject-kek/rotate" {
  capabilities = ["update"]
}
# Retirement once every key is rewrapped (POST /api/v1/keys/retire): min_decryption_version and nothing else.
# Vault lets the operator lower it again, so a compromised service cannot make the loss final.
path "transit/keys/ingestion-service-subject-kek/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "min_decryption_version" = []
  }
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
# Rotation by the service (POST /api/v1/keys/rotate): a new version only adds, the old ones still decrypt.
path "transit/keys/ingestion-service-blind-index/rotate" {
  capabilities = ["update"]
}
# Retirement once every key is rewrapped (POST /api/v1/keys/retire): min_decryption_version and nothing else.
# Vault lets the operator lower it again, so a compromised service cannot make the loss final.
path "transit/keys/ingestion-service-blind-index/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "min_decryption_version" = []
  }
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
# Rotation by the service (POST /api/v1/keys/rotate): a new version only adds, the old ones still decrypt.
path "transit/keys/ingestion-service-signing-keys/rotate" {
  capabilities = ["update"]
}
# Retirement once every key is rewrapped (POST /api/v1/keys/retire): min_decryption_version and nothing else.
# Vault lets the operator lower it again, so a compromised service cannot make the loss final.
path "transit/keys/ingestion-service-signing-keys/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "min_decryption_version" = []
  }
}

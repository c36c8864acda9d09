# Vault policy privacy-gate-consent-service: the transit paths consent-service uses, on its own keys only
# (consent-service-<purpose>), and nothing else. Bound to the Kubernetes auth role consent-service
# (deploy/vault/setup.sh). No key of another service is named here (issue 18): a compromised service cannot
# unwrap another's data keys nor compute another's blind indexes. No create, delete or export of keys, and of their
# configuration only min_decryption_version: the rest belongs to the operator's own Vault token.

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
# Rotation by the service (POST /api/v1/keys/rotate): a new version only adds, the old ones still decrypt.
path "transit/keys/consent-service-subject-kek/rotate" {
  capabilities = ["update"]
}
# Retirement once every key is rewrapped (POST /api/v1/keys/retire): min_decryption_version and nothing else.
# Vault lets the operator lower it again, so a compromised service cannot make the loss final.
path "transit/keys/consent-service-subject-kek/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "min_decryption_version" = []
  }
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
# Rotation by the service (POST /api/v1/keys/rotate): a new version only adds, the old ones still decrypt.
path "transit/keys/consent-service-blind-index/rotate" {
  capabilities = ["update"]
}
# Retirement once every key is rewrapped (POST /api/v1/keys/retire): min_decryption_version and nothing else.
# Vault lets the operator lower it again, so a compromised service cannot make the loss final.
path "transit/keys/consent-service-blind-index/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "min_decryption_version" = []
  }
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
# Rotation by the service (POST /api/v1/keys/rotate): a new version only adds, the old ones still decrypt.
path "transit/keys/consent-service-signing-keys/rotate" {
  capabilities = ["update"]
}
# Retirement once every key is rewrapped (POST /api/v1/keys/retire): min_decryption_version and nothing else.
# Vault lets the operator lower it again, so a compromised service cannot make the loss final.
path "transit/keys/consent-service-signing-keys/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "min_decryption_version" = []
  }
}

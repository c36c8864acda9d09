# Vault policy privacy-gate-dsr-service: the transit paths dsr-service uses, on its own keys only
# (dsr-service-<purpose>), and nothing else. Bound to the Kubernetes auth role dsr-service
# (deploy/vault/setup.sh). No key of another service is named here (issue 18): a compromised service cannot
# unwrap another's data keys nor compute another's blind indexes. No create, delete or export of keys, and of their
# configuration only min_decryption_version: the rest belongs to the operator's own Vault token.

# dsr-service-subject-kek: wraps each data subject's data key (DEK).
path "transit/encrypt/dsr-service-subject-kek" {
  capabilities = ["update"]
}
path "transit/decrypt/dsr-service-subject-kek" {
  capabilities = ["update"]
}
# Rewrap after a rotation (the key never leaves Vault in the clear).
path "transit/rewrap/dsr-service-subject-kek" {
  capabilities = ["update"]
}
# The key's metadata (latest version), never its material: transit keys are not exportable.
path "transit/keys/dsr-service-subject-kek" {
  capabilities = ["read"]
}
# Rotation by the service (POST /api/v1/keys/rotate): a new version only adds, the old ones still decrypt.
path "transit/keys/dsr-service-subject-kek/rotate" {
  capabilities = ["update"]
}
# Retirement once every key is rewrapped (POST /api/v1/keys/retire): min_decryption_version and nothing else.
# Vault lets the operator lower it again, so a compromised service cannot make the loss final.
path "transit/keys/dsr-service-subject-kek/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "min_decryption_version" = []
  }
}

# dsr-service-blind-index: wraps the HMAC key of the blind index.
path "transit/encrypt/dsr-service-blind-index" {
  capabilities = ["update"]
}
path "transit/decrypt/dsr-service-blind-index" {
  capabilities = ["update"]
}
# Rewrap after a rotation (the key never leaves Vault in the clear).
path "transit/rewrap/dsr-service-blind-index" {
  capabilities = ["update"]
}
# The key's metadata (latest version), never its material: transit keys are not exportable.
path "transit/keys/dsr-service-blind-index" {
  capabilities = ["read"]
}
# Rotation by the service (POST /api/v1/keys/rotate): a new version only adds, the old ones still decrypt.
path "transit/keys/dsr-service-blind-index/rotate" {
  capabilities = ["update"]
}
# Retirement once every key is rewrapped (POST /api/v1/keys/retire): min_decryption_version and nothing else.
# Vault lets the operator lower it again, so a compromised service cannot make the loss final.
path "transit/keys/dsr-service-blind-index/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "min_decryption_version" = []
  }
}

# dsr-service-signing-keys: wraps signing keys the service holds itself (e.g. receipt keys).
path "transit/encrypt/dsr-service-signing-keys" {
  capabilities = ["update"]
}
path "transit/decrypt/dsr-service-signing-keys" {
  capabilities = ["update"]
}
# Rewrap after a rotation (the key never leaves Vault in the clear).
path "transit/rewrap/dsr-service-signing-keys" {
  capabilities = ["update"]
}
# The key's metadata (latest version), never its material: transit keys are not exportable.
path "transit/keys/dsr-service-signing-keys" {
  capabilities = ["read"]
}
# Rotation by the service (POST /api/v1/keys/rotate): a new version only adds, the old ones still decrypt.
path "transit/keys/dsr-service-signing-keys/rotate" {
  capabilities = ["update"]
}
# Retirement once every key is rewrapped (POST /api/v1/keys/retire): min_decryption_version and nothing else.
# Vault lets the operator lower it again, so a compromised service cannot make the loss final.
path "transit/keys/dsr-service-signing-keys/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "min_decryption_version" = []
  }
}

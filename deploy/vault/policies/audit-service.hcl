# Vault policy privacy-gate-audit-service: the transit paths audit-service uses, and nothing else.
# Bound to the Kubernetes auth role audit-service (deploy/vault/setup.sh). No create, delete, export,
# configuration or rotation of keys: those belong to the operator's own Vault token.

# subject-kek: wraps each data subject's data key (DEK).
path "transit/encrypt/subject-kek" {
  capabilities = ["update"]
}
path "transit/decrypt/subject-kek" {
  capabilities = ["update"]
}
# Rewrap after a rotation (the key never leaves Vault in the clear).
path "transit/rewrap/subject-kek" {
  capabilities = ["update"]
}
# The key's metadata (latest version), never its material: transit keys are not exportable.
path "transit/keys/subject-kek" {
  capabilities = ["read"]
}

# blind-index: wraps the HMAC key of the blind index.
path "transit/encrypt/blind-index" {
  capabilities = ["update"]
}
path "transit/decrypt/blind-index" {
  capabilities = ["update"]
}
# Rewrap after a rotation (the key never leaves Vault in the clear).
path "transit/rewrap/blind-index" {
  capabilities = ["update"]
}
# The key's metadata (latest version), never its material: transit keys are not exportable.
path "transit/keys/blind-index" {
  capabilities = ["read"]
}

# signing-keys: wraps signing keys the service holds itself (e.g. receipt keys).
path "transit/encrypt/signing-keys" {
  capabilities = ["update"]
}
path "transit/decrypt/signing-keys" {
  capabilities = ["update"]
}
# Rewrap after a rotation (the key never leaves Vault in the clear).
path "transit/rewrap/signing-keys" {
  capabilities = ["update"]
}
# The key's metadata (latest version), never its material: transit keys are not exportable.
path "transit/keys/signing-keys" {
  capabilities = ["read"]
}

# checkpoint-signing (ed25519): signs the audit log's checkpoints. audit-service only.
path "transit/sign/checkpoint-signing" {
  capabilities = ["update"]
}
# Its public keys, all versions, published at /api/v1/checkpoints/keys.
path "transit/keys/checkpoint-signing" {
  capabilities = ["read"]
}

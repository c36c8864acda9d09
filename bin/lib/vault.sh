# Sourced by bin/privacy-gate: the suite with privacy-gate.keys.provider=vault (`up --keys vault`, or
# PRIVACY_GATE_KEYS=vault). No Vault server can be installed on these machines, so the key manager is testing's
# VaultTransitEmulator (Vault's documented transit API: versioned keys, rotate, min_decryption_version, rewrap,
# ed25519 signing, HCL policies), set up as deploy/vault/setup.sh sets up a real Vault, each service with its own
# token bound to its deployed policy (deploy/vault/policies). Its keys live in memory, so a vault suite keeps its
# data apart: under $PRIVACY_GATE_HOME/vault-suite, never beside data wrapped under the local keyring.

#
# A real Vault instead (a dev server: deploy/README.md, "The suite against a real Vault"): PRIVACY_GATE_VAULT_ADDR is
# its address and PRIVACY_GATE_VAULT_TOKENS a folder with one <service>.token each; then no emulator is started.

vault_port="${PRIVACY_GATE_VAULT_PORT:-8200}"
vault_url="${PRIVACY_GATE_VAULT_ADDR:-http://127.0.0.1:$vault_port}"
vault_tokens="${PRIVACY_GATE_VAULT_TOKENS:-$run/vault}"

vault_wanted() { [ "${keys_provider:-local}" = vault ]; }
vault_emulated() { vault_wanted && [ -z "${PRIVACY_GATE_VAULT_ADDR:-}" ]; }

start_vault_emulator() {
  vault_wanted || return 0
  if ! vault_emulated; then
    local name
    for name in "${services[@]}"; do
      [ -s "$vault_tokens/$name.token" ] || die "no Vault token for $name in $vault_tokens (PRIVACY_GATE_VAULT_TOKENS)"
    done
    say "    Vault at $vault_url, each service with its token from $vault_tokens"
    return
  fi
  if alive vault; then say "    Vault transit emulator already running"; return; fi
  rm -rf "$run/vault" && mkdir -p "$run/vault" && chmod 700 "$run/vault"
  start_background vault "$JAVA_HOME/bin/java" -Xmx64m -cp "$(testing_classpath)" \
    io.privacygate.testing.vault.VaultEmulatorMain --policies "$root/deploy/vault/policies" "$run/vault" "$vault_port"
  started_this_run=true
  local waited=0
  printf '    waiting for the Vault transit emulator '
  until grep -q "Vault emulator ready" "$logs/vault.log" 2>/dev/null; do
    alive vault || { printf '\n'; die "the Vault transit emulator stopped while starting; see $logs/vault.log"; }
    [ "$waited" -ge 60 ] && { printf '\n'; die "the Vault transit emulator was not ready after 60s; see $logs/vault.log"; }
    sleep 1; waited=$((waited + 1)); printf '.'
  done
  printf ' ready (port %s)\n' "$vault_port"
}

# A service's key settings against the emulator: its own transit keys and its own token, as deploy/ names them.
vault_env() {
  vault_wanted || return 0
  local name="$1"
  printf '%s\n' PRIVACY_GATE_KEYS_PROVIDER=vault \
    "QUARKUS_VAULT_URL=$vault_url" \
    "QUARKUS_VAULT_AUTHENTICATION_CLIENT_TOKEN=$(cat "$vault_tokens/$name.token")" \
    "PRIVACY_GATE_KEYS_VAULT_SUBJECT_KEK=$name-subject-kek" \
    "PRIVACY_GATE_KEYS_VAULT_BLIND_INDEX=$name-blind-index" \
    "PRIVACY_GATE_KEYS_VAULT_SIGNING_KEYS=$name-signing-keys" \
    PRIVACY_GATE_KEYS_VAULT_CHECKPOINT_SIGNING=audit-service-checkpoint-signing
}

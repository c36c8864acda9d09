#!/usr/bin/env bash
# Prints a production realm derived from the dev realm beside this script (privacy-gate-realm.json):
#   - no demo users: only the four service-account users (which carry the services' roles) remain;
#   - no client secrets: Keycloak makes them; you regenerate and copy each into its Secret <client>-oidc;
#   - no password grant on operator-console, and its redirect URIs set to your console;
#   - HTTPS required for every request (sslRequired=all).
# Roles, clients, role mappings and audience mappers (each client's tokens name in aud exactly the services it
# calls; every service checks its own name there) stay as in the dev realm, so the two cannot drift apart.
#
#   deploy/keycloak/make-prod-realm.sh https://privacy.example.com/console > privacy-gate-realm-prod.json
#
# Keep the output out of git; import it into your Keycloak (deploy/README.md, "Keycloak"). Needs jq.
set -euo pipefail
console_url="${1:?usage: make-prod-realm.sh <operator console base URL, e.g. https://privacy.example.com/console>}"
console_url="${console_url%/}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v jq >/dev/null || { echo "make-prod-realm.sh: jq is not on PATH" >&2; exit 1; }

jq --arg console "$console_url" '
  .sslRequired = "all"
  | .users |= map(select(.serviceAccountClientId != null))
  | .clients |= map(
      del(.secret)
      | if .clientId == "operator-console" then
          .directAccessGrantsEnabled = false
          | .description = "Public browser client: authorization code with PKCE (S256)"
          | .redirectUris = [$console + "/*"]
          | .webOrigins = ["+"]
          | .attributes["post.logout.redirect.uris"] = ($console + "/*")
        else . end)
' "$here/privacy-gate-realm.json"

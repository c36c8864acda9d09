package io.privacygate.consent.it;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the packaged service needs in the prod profile, with no OIDC server and no peers: its database,
 * a static token key, a master key shared by all its replicas, its controller, and peer URLs that are
 * never called (the outbox relay is off, so messages wait in the database).
 */
public final class ServiceConfig {

    private ServiceConfig() {
    }

    /** A master keyring for the local key provider; replicas of one service must share it. */
    public static String newMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "1:" + Base64.getEncoder().encodeToString(key);
    }

    public static Map<String, String> of(Map<String, String> datasource, StaticKeyTokens tokens, String masterKey) {
        Map<String, String> config = new LinkedHashMap<>(datasource);
        config.put("quarkus.oidc.public-key", tokens.publicKey());
        config.put("quarkus.oidc.token.issuer", tokens.issuer());
        config.put("quarkus.oidc-client.auth-server-url", "http://127.0.0.1:9/realms/unused");
        config.put("quarkus.oidc-client.credentials.secret", "unused");
        config.put("privacy-gate.keys.local.master-key", masterKey);
        config.put("privacy-gate.consent.controller.name", "Privacy Gate (test)");
        config.put("privacy-gate.consent.controller.contact", "https://privacy-gate.invalid/privacy");
        config.put("privacy-gate.consent.controller.dpo-contact", "dpo@privacy-gate.invalid");
        config.put("privacy-gate.outbox.relay-enabled", "false");
        config.put("privacy-gate.outbox.destinations.audit.url", "http://127.0.0.1:9/api/v1/events");
        config.put("privacy-gate.outbox.destinations.ingestion.url", "http://127.0.0.1:9/internal/v1/consent-changes");
        config.put("privacy-gate.consent.privacy-center.dsr-url", "http://127.0.0.1:9");
        config.put("quarkus.mailer.mock", "true");
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.from", "privacy@privacy-gate.test");
        return config;
    }
}

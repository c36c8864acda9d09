package io.privacygate.consent.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.crypto.AesGcm;
import io.privacygate.commons.crypto.PseudonymKeys;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.AEADBadTagException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Privacy center sessions live in the browser, sealed (AES-256-GCM) under a key of this service that every
 * replica shares (a managed key wrapped by the blind-index KEK): no session table, and a cookie that cannot be
 * read or forged. An expired, tampered or foreign cookie is no session at all.
 */
@ApplicationScoped
public class PrivacySessions {
    private static final String KEY_NAME = "privacy-center-session";
    private static final byte[] CONTEXT = "privacy-gate/privacy-center-session/v1".getBytes(StandardCharsets.UTF_8);
    private final PseudonymKeys keys;
    private final ObjectMapper json;

    PrivacySessions(PseudonymKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    public Uni<String> seal(PrivacySession session) {
        return keys.key(KEY_NAME).map(key -> {
            try {
                byte[] sealed = AesGcm.encrypt(key, json.writeValueAsBytes(session), CONTEXT);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The session cannot be written", e);
            }
        });
    }

    /** The session in the cookie, if it is one of ours and has not expired. */
    public Uni<Optional<PrivacySession>> open(String cookie, Instant now) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 4096) {
            return Uni.createFrom().item(Optional.empty());
        }
        return keys.key(KEY_NAME).map(key -> {
            try {
                byte[] plain = AesGcm.decrypt(key, Base64.getUrlDecoder().decode(cookie), CONTEXT);
                PrivacySession session = json.readValue(plain, PrivacySession.class);
                return session.expired(now) ? Optional.<PrivacySession>empty() : Optional.of(session);
            } catch (AEADBadTagException | IllegalArgumentException | java.io.IOException e) {
                return Optional.empty();
            }
        });
    }
}

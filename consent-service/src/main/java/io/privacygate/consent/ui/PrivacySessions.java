package io.privacygate.consent.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.crypto.AesGcm;
import io.privacygate.commons.crypto.PseudonymKeys;
import io.privacygate.consent.config.ConsentConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import javax.crypto.AEADBadTagException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Privacy center sessions live in the browser, sealed (AES-256-GCM) under a key of this service that every
 * replica shares (a managed key wrapped by the blind-index KEK): no session table, and a cookie that cannot be
 * read or forged. An expired, tampered or foreign cookie is no session at all. The cookie is scoped to
 * {@code /privacy}, {@code HttpOnly} and {@code SameSite=Strict}.
 */
@ApplicationScoped
public class PrivacySessions {
    public static final String COOKIE = "pg_privacy";
    private static final String KEY_NAME = "privacy-center-session";
    private static final byte[] CONTEXT = "privacy-gate/privacy-center-session/v1".getBytes(StandardCharsets.UTF_8);
    private final PseudonymKeys keys;
    private final ObjectMapper json;
    private final String secureCookie;

    PrivacySessions(PseudonymKeys keys, ObjectMapper json, ConsentConfig config) {
        this.keys = keys;
        this.json = json;
        this.secureCookie = config.privacyCenter().secureCookie();
    }

    /** The cookie that carries a sealed session; {@code Secure} as {@code privacy-center.secure-cookie} says. */
    NewCookie cookie(String sealed, boolean https) {
        boolean secure = switch (secureCookie) {
            case "always" -> true;
            case "never" -> false;
            default -> https;
        };
        return new NewCookie.Builder(COOKIE).value(sealed).path("/privacy").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
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

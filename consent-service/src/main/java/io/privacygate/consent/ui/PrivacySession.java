package io.privacygate.consent.ui;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * What the privacy center remembers of one browser, sealed into its cookie ({@link PrivacySessions}): the CSRF
 * token of its forms and its language; once a code was asked for, the address and the code's id; once the code
 * was entered, when. Nothing about a subject is shown until {@link #verified()}.
 */
@RegisterForReflection // sealed into the privacy center's cookie as JSON, by hand
public record PrivacySession(String csrf, String language, UUID challengeId, String email, Instant verifiedAt,
                             Instant expiresAt) {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a session that has not verified lives: long enough to read the mail and enter the code. */
    static final Duration UNVERIFIED_LIFETIME = Duration.ofHours(2);

    public static PrivacySession fresh(String language, Instant now) {
        return new PrivacySession(newToken(), language, null, null, null, now.plus(UNVERIFIED_LIFETIME));
    }

    public boolean verified() {
        return verifiedAt != null && email != null;
    }

    public boolean pending() {
        return !verified() && challengeId != null && email != null;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public PrivacySession withLanguage(String language) {
        return new PrivacySession(csrf, language, challengeId, email, verifiedAt, expiresAt);
    }

    /** A code was sent for {@code email}; a new CSRF token, as for every change of who the session may be. */
    public PrivacySession pending(UUID challengeId, String email, Instant now) {
        return new PrivacySession(newToken(), language, challengeId, email, null, now.plus(UNVERIFIED_LIFETIME));
    }

    public PrivacySession verifiedAt(Instant now, Duration timeout) {
        return new PrivacySession(newToken(), language, null, email, now, now.plus(timeout));
    }

    /** Signed out: the language stays, the rest is forgotten. */
    public PrivacySession signedOut(Instant now) {
        return fresh(language, now);
    }

    private static String newToken() {
        byte[] token = new byte[18];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    @Override
    public String toString() {
        return "PrivacySession[language=" + language + ", pending=" + pending() + ", verified=" + verified() + "]";
    }
}

package io.privacygate.consent.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Our own CSRF check (OWASP synchronizer token): every form carries the session's token, compared in constant time;
 * the token changes whenever the session's identity does ({@link PrivacySession}).
 */
final class Csrf {
    private Csrf() {
    }

    static boolean matches(PrivacySession session, String submitted) {
        return submitted != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }
}

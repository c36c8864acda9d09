package io.privacygate.consent.service.purposes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The hash of a notice text, computed by the suite from the registered text (Art. 7(1): the controller must be able
 * to show what the subject was told). Texts are kept in canonical form, so anyone holding one can recompute its hash.
 */
public final class NoticeHash {

    private NoticeHash() {
    }

    /** A title or body in canonical form: Unicode NFC, line ends as LF, no leading or trailing white space. */
    public static String canonical(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** {@code sha-256:} and the hex SHA-256 of the UTF-8 bytes of language, title and body (canonical), one per line. */
    public static String of(String language, String title, String body) {
        String canonical = language + "\n" + canonical(title) + "\n" + canonical(body);
        try {
            return "sha-256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}

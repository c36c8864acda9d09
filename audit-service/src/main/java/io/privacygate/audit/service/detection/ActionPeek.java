package io.privacygate.audit.service.detection;

import java.nio.charset.StandardCharsets;

/**
 * Reads a leaf's action without decoding it. JCS sorts members by name, and {@code action} sorts before the
 * other nine fields of an event, so every leaf starts with {@code {"action":"}; the action runs to the next quote
 * (service action names hold no characters JSON escapes).
 */
final class ActionPeek {
    private static final byte[] PREFIX = "{\"action\":\"".getBytes(StandardCharsets.US_ASCII);

    private ActionPeek() {
    }

    /** The action, or null if the leaf does not start as expected (the caller then decodes it). */
    static String action(byte[] leaf) {
        if (leaf.length < PREFIX.length) {
            return null;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (leaf[i] != PREFIX[i]) {
                return null;
            }
        }
        for (int end = PREFIX.length; end < leaf.length; end++) {
            if (leaf[end] == '\\') {
                return null;
            }
            if (leaf[end] == '"') {
                return new String(leaf, PREFIX.length, end - PREFIX.length, StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

package io.privacygate.commons.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/**
 * The versioned master keys of the local provider. The newest version wraps; older ones only unwrap,
 * down to the minimum decryption version. One KEK per purpose is derived from each master key with
 * HMAC-SHA256(master, label) (HKDF-Expand with a single block, as the master key is uniformly random).
 */
public final class MasterKeyring {
    private final NavigableMap<Integer, byte[]> versions;

    private MasterKeyring(NavigableMap<Integer, byte[]> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("The master keyring is empty");
        }
        versions.values().forEach(key -> {
            if (key.length != AesGcm.KEY_BYTES) {
                throw new IllegalArgumentException("A master key must be 32 bytes");
            }
        });
        this.versions = versions;
    }

    /** Parses {@code <version>:<base64>} entries separated by commas or new lines; a bare base64 key is version 1. */
    public static MasterKeyring parse(String text) {
        NavigableMap<Integer, byte[]> versions = new TreeMap<>();
        for (String entry : text.split("[,\\n]")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            int version = colon < 0 ? 1 : Integer.parseInt(trimmed.substring(0, colon));
            versions.put(version, Base64.getDecoder().decode(trimmed.substring(colon + 1)));
        }
        return new MasterKeyring(versions);
    }

    public static String format(Map<Integer, byte[]> versions) {
        StringBuilder text = new StringBuilder();
        versions.forEach((version, key) ->
                text.append(version).append(':').append(Base64.getEncoder().encodeToString(key)).append('\n'));
        return text.toString();
    }

    public int currentVersion() {
        return versions.lastKey();
    }

    /** The KEK of one purpose under one master version, or null when that version is not held. */
    public byte[] derive(int version, String label) {
        byte[] master = versions.get(version);
        if (master == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(("privacy-gate/kek/" + label).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}

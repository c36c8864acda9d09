package io.privacygate.commons.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The versioned master keys of the local provider, with the oldest version each KEK may still decrypt. The newest
 * version wraps; older ones only unwrap, down to their KEK's minimum decryption version. One KEK per purpose is
 * derived from each master key with HMAC-SHA256(master, label) (HKDF-Expand with a single block, as the master key is
 * uniformly random).
 *
 * <p>Text form, entries separated by commas or new lines: {@code <version>:<base64 key>} for each master key, and
 * {@code min-decryption-version.<kek label>=<version>} for each KEK retired past version 1. A master version below
 * every KEK's minimum is dropped: nothing may decrypt with it, so a backup wrapped under it cannot be opened.
 */
public final class MasterKeyring {
    private static final String FLOOR = "min-decryption-version.";

    private final NavigableMap<Integer, byte[]> versions;
    private final Map<WrappingKey, Integer> floors;

    private MasterKeyring(NavigableMap<Integer, byte[]> versions, Map<WrappingKey, Integer> floors) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("The master keyring is empty");
        }
        versions.values().forEach(key -> {
            if (key.length != AesGcm.KEY_BYTES) {
                throw new IllegalArgumentException("A master key must be 32 bytes");
            }
        });
        this.versions = Collections.unmodifiableNavigableMap(versions);
        this.floors = Collections.unmodifiableMap(floors);
    }

    /** Parses the text form; a bare base64 key is version 1. */
    public static MasterKeyring parse(String text) {
        NavigableMap<Integer, byte[]> versions = new TreeMap<>();
        Map<WrappingKey, Integer> floors = new EnumMap<>(WrappingKey.class);
        for (String entry : text.split("[,\\n]")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith(FLOOR)) {
                String[] floor = trimmed.substring(FLOOR.length()).split("=", 2);
                floors.put(kek(floor[0]), Integer.parseInt(floor[1].trim()));
                continue;
            }
            int colon = trimmed.indexOf(':');
            int version = colon < 0 ? 1 : Integer.parseInt(trimmed.substring(0, colon));
            versions.put(version, Base64.getDecoder().decode(trimmed.substring(colon + 1)));
        }
        return new MasterKeyring(versions, floors);
    }

    public static MasterKeyring of(Map<Integer, byte[]> versions) {
        return new MasterKeyring(new TreeMap<>(versions), new EnumMap<>(WrappingKey.class));
    }

    public static String format(Map<Integer, byte[]> versions) {
        return of(versions).format();
    }

    public String format() {
        StringBuilder text = new StringBuilder();
        versions.forEach((version, key) ->
                text.append(version).append(':').append(Base64.getEncoder().encodeToString(key)).append('\n'));
        floors.forEach((kek, floor) -> text.append(FLOOR).append(label(kek)).append('=').append(floor).append('\n'));
        return text.toString();
    }

    public int currentVersion() {
        return versions.lastKey();
    }

    /** The oldest master version that {@code kek} may still decrypt with. */
    public int minDecryptionVersion(WrappingKey kek) {
        return Math.max(floors.getOrDefault(kek, 1), versions.firstKey());
    }

    /** This keyring with a new newest master version. */
    public MasterKeyring withNewVersion(byte[] key) {
        NavigableMap<Integer, byte[]> next = new TreeMap<>(versions);
        next.put(currentVersion() + 1, key.clone());
        return new MasterKeyring(next, copy(floors));
    }

    /**
     * This keyring with {@code kek} refusing versions below {@code version}, and without the master versions that no
     * KEK may decrypt with any more.
     */
    public MasterKeyring retire(WrappingKey kek, int version) {
        if (version < minDecryptionVersion(kek) || version > currentVersion()) {
            throw new IllegalArgumentException("The minimum decryption version must lie between the current minimum and the newest version");
        }
        Map<WrappingKey, Integer> nextFloors = copy(floors);
        nextFloors.put(kek, version);
        int stillNeeded = Arrays.stream(WrappingKey.values())
                .mapToInt(each -> nextFloors.getOrDefault(each, 1)).min().orElseThrow();
        return new MasterKeyring(new TreeMap<>(versions.tailMap(stillNeeded, true)), nextFloors);
    }

    /** The KEK of one purpose under one master version, or null when that version is not held or is retired. */
    public byte[] derive(int version, WrappingKey kek) {
        byte[] master = versions.get(version);
        if (master == null || version < minDecryptionVersion(kek)) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(("privacy-gate/kek/" + label(kek)).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static Map<WrappingKey, Integer> copy(Map<WrappingKey, Integer> floors) {
        Map<WrappingKey, Integer> copy = new EnumMap<>(WrappingKey.class);
        copy.putAll(floors);
        return copy;
    }

    static String label(WrappingKey kek) {
        return kek.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static WrappingKey kek(String label) {
        return WrappingKey.valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

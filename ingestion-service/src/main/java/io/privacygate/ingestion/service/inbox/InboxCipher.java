package io.privacygate.ingestion.service.inbox;

import io.privacygate.commons.crypto.AesGcm;

import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The service's own key for data not yet tied to a subject: raw deliveries in the inbox, Meta deletion
 * callbacks, and the HMACs by which deliveries and platform event ids are recognised again. Two subkeys
 * are derived from the one stored key, so that the encryption key never serves as a MAC key.
 */
public final class InboxCipher {
    private final byte[] encryptionKey;
    private final SecretKeySpec macKey;

    InboxCipher(byte[] key) {
        this.encryptionKey = derive(key, "privacy-gate/ingestion/inbox/encrypt");
        this.macKey = new SecretKeySpec(derive(key, "privacy-gate/ingestion/inbox/digest"), "HmacSHA256");
    }

    /** Encrypts, binding the ciphertext to its row. */
    public byte[] seal(UUID rowId, byte[] plaintext) {
        return AesGcm.encrypt(encryptionKey, plaintext, associatedData(rowId));
    }

    public byte[] open(UUID rowId, byte[] sealed) {
        try {
            return AesGcm.decrypt(encryptionKey, sealed, associatedData(rowId));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("An inbox ciphertext failed authentication", e);
        }
    }

    /** A keyed digest: recognises a value seen before without storing it or a plain hash of it. */
    public String digest(byte[] value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return HexFormat.of().formatHex(mac.doFinal(value));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    public String digest(String value) {
        return digest(value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] associatedData(UUID rowId) {
        return rowId.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] derive(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}

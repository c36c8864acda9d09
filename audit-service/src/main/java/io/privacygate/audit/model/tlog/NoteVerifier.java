package io.privacygate.audit.model.tlog;

import java.util.Base64;

/** A key that verifies note signatures: the log's Ed25519 key (type 0x01) or a witness's cosigner key (type 0x04). */
public sealed interface NoteVerifier permits VerifierKey, CosignerKey {

    String name();

    /** SHA-256(name ‖ 0x0A ‖ signature type ‖ public key)[:4], big-endian (c2sp.org/signed-note). */
    int keyHash();

    /** Whether {@code signature} (the bytes after the key hash) is this key's over the note {@code text}. */
    boolean verifies(byte[] text, byte[] signature);

    /** The vkey text form, {@code <name>+<hex key hash>+<base64(type ‖ public key)>}. */
    String encoded();

    /**
     * A vkey of either type.
     *
     * @throws IllegalArgumentException if the text is not a supported verifier key whose hash matches its key
     */
    static NoteVerifier parse(String vkey) {
        String[] parts = vkey.split("\\+", 3);
        byte[] typed;
        try {
            typed = parts.length == 3 ? Base64.getDecoder().decode(parts[2]) : new byte[0];
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A verifier key's key is not base64", e);
        }
        return typed.length > 0 && typed[0] == CosignerKey.COSIGNATURE_V1 ? CosignerKey.parse(vkey) : VerifierKey.parse(vkey);
    }
}

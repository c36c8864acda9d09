package io.privacygate.commons.crypto;

/** A public Ed25519 key that verifies checkpoint signatures: raw 32-byte key, base64. */
public record SigningKey(String keyId, String algorithm, String publicKey) {
}

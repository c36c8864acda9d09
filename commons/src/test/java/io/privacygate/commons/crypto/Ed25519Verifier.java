package io.privacygate.commons.crypto;

import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Verifies an Ed25519 signature from a raw 32-byte public key, as an auditor would. */
final class Ed25519Verifier {
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Verifier() {
    }

    static boolean verify(String base64RawPublicKey, byte[] message, byte[] signature) throws Exception {
        byte[] raw = Base64.getDecoder().decode(base64RawPublicKey);
        byte[] x509 = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, x509, X509_PREFIX.length, raw.length);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
        verifier.update(message);
        return verifier.verify(signature);
    }
}

package io.privacygate.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Checks audit proofs as an outside auditor would: RFC 9162 §2.1.3.2 inclusion and an Ed25519 checkpoint signature. */
final class AuditProofs {
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private AuditProofs() {
    }

    static boolean checkpointSignatureValid(String note, String signature, List<Map<String, Object>> keys, String keyId)
            throws GeneralSecurityException {
        Map<String, Object> key = keys.stream().filter(k -> keyId.equals(k.get("keyId"))).findFirst().orElseThrow();
        byte[] raw = Base64.getDecoder().decode((String) key.get("publicKey"));
        byte[] x509 = new byte[ED25519_X509_PREFIX.length + raw.length];
        System.arraycopy(ED25519_X509_PREFIX, 0, x509, 0, ED25519_X509_PREFIX.length);
        System.arraycopy(raw, 0, x509, ED25519_X509_PREFIX.length, raw.length);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
        verifier.update(note.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    static boolean inclusionValid(String leafDataBase64, long index, long treeSize, List<String> path, String rootHex)
            throws GeneralSecurityException {
        if (index >= treeSize) {
            return false;
        }
        byte[] hash = digest(new byte[]{0}, Base64.getDecoder().decode(leafDataBase64));
        long fn = index;
        long sn = treeSize - 1;
        for (String siblingHex : path) {
            byte[] sibling = HexFormat.of().parseHex(siblingHex);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                hash = digest(new byte[]{1}, sibling, hash);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                hash = digest(new byte[]{1}, hash, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && HexFormat.of().formatHex(hash).equals(rootHex);
    }

    private static byte[] digest(byte[]... parts) throws GeneralSecurityException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            sha256.update(part);
        }
        return sha256.digest();
    }
}

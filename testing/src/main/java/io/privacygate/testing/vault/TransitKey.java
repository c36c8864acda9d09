package io.privacygate.testing.vault;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named transit key and its versions, with the rules of Vault's transit API: new ciphertexts, HMACs and signatures
 * use the latest version (or a requested one not below {@code min_encryption_version}); anything made with a version
 * below {@code min_decryption_version} is refused. Every value carries its version as {@code vault:v<N>:<base64>}.
 */
final class TransitKey {
    /** Vault's own message when a ciphertext or signature is older than {@code min_decryption_version}. */
    static final String TOO_OLD = "ciphertext or signature version is disallowed by policy (too old)";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> HMAC_ALGORITHMS = Map.of(
            "sha2-224", "HmacSHA224", "sha2-256", "HmacSHA256", "sha2-384", "HmacSHA384", "sha2-512", "HmacSHA512",
            "sha3-224", "HmacSHA3-224", "sha3-256", "HmacSHA3-256", "sha3-384", "HmacSHA3-384", "sha3-512", "HmacSHA3-512");

    private final String name;
    private final TransitKeyType type;
    private final TreeMap<Integer, TransitKeyVersion> versions = new TreeMap<>();
    private int latestVersion;
    private int minDecryptionVersion = 1;
    private int minEncryptionVersion;
    private int minAvailableVersion;
    private boolean deletionAllowed;
    private long autoRotatePeriodSeconds;

    TransitKey(String name, TransitKeyType type) {
        this.name = name;
        this.type = type;
        rotate();
    }

    /** "Rotate Key": a new version becomes the one new values are made with; older ones still decrypt. */
    synchronized void rotate() {
        latestVersion++;
        versions.put(latestVersion, TransitKeyVersion.generate(type, latestVersion));
    }

    synchronized String encrypt(byte[] plaintext, int requestedVersion) {
        requireType(type.supportsEncryption(), "encryption");
        TransitKeyVersion version = forNewValues(requestedVersion);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, version.aesKey(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext);
            return format(version.version(), ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    synchronized byte[] decrypt(String ciphertext) {
        requireType(type.supportsEncryption(), "decryption");
        Versioned value = parse(ciphertext, "ciphertext");
        TransitKeyVersion version = forOldValues(value.version());
        if (value.bytes().length < NONCE_BYTES + TAG_BITS / 8) {
            throw VaultError.badRequest("invalid ciphertext: too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, version.aesKey(), new GCMParameterSpec(TAG_BITS, value.bytes(), 0, NONCE_BYTES));
            return cipher.doFinal(value.bytes(), NONCE_BYTES, value.bytes().length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw VaultError.badRequest("cipher: message authentication failed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** "Rewrap Data": decrypt and encrypt again under the latest (or requested) version, inside the emulator. */
    synchronized String rewrap(String ciphertext, int requestedVersion) {
        return encrypt(decrypt(ciphertext), requestedVersion);
    }

    synchronized String hmac(byte[] input, String algorithm, int requestedVersion) {
        TransitKeyVersion version = forNewValues(requestedVersion);
        return format(version.version(), mac(version, algorithm, input));
    }

    synchronized boolean verifyHmac(byte[] input, String algorithm, String hmac) {
        Versioned value = parse(hmac, "HMAC");
        return MessageDigest.isEqual(mac(forOldValues(value.version()), algorithm, input), value.bytes());
    }

    synchronized String sign(byte[] input, int requestedVersion) {
        requireType(type.supportsSigning(), "signing");
        TransitKeyVersion version = forNewValues(requestedVersion);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(version.signingKeys().getPrivate());
            signer.update(input);
            return format(version.version(), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 failed", e);
        }
    }

    synchronized boolean verifySignature(byte[] input, String signature) {
        requireType(type.supportsSigning(), "signing");
        Versioned value = parse(signature, "signature");
        TransitKeyVersion version = forOldValues(value.version());
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(version.signingKeys().getPublic());
            verifier.update(input);
            return verifier.verify(value.bytes());
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 failed", e);
        }
    }

    /**
     * "Update Key Configuration": {@code min_encryption_version} must be 0 or at least {@code min_decryption_version};
     * neither may exceed the latest version nor fall below a trimmed version. A {@code null} leaves a value unchanged.
     */
    synchronized void configure(Integer minDecryption, Integer minEncryption, Boolean allowDeletion, Long autoRotateSeconds) {
        int decryption = minDecryption == null || minDecryption == 0 ? minDecryptionVersion : minDecryption;
        int encryption = minEncryption == null ? minEncryptionVersion : minEncryption;
        if (decryption < 0 || encryption < 0) {
            throw VaultError.badRequest("key versions must be positive integers");
        }
        if (decryption > latestVersion || encryption > latestVersion) {
            throw VaultError.badRequest("cannot set a minimum version greater than the latest version");
        }
        if (decryption < minAvailableVersion) {
            throw VaultError.badRequest("cannot set min decryption version below the trimmed min available version");
        }
        if (encryption != 0 && encryption < decryption) {
            throw VaultError.badRequest("min encryption version should not be less than min decryption version");
        }
        if (autoRotateSeconds != null && autoRotateSeconds != 0 && autoRotateSeconds < 3600) {
            throw VaultError.badRequest("auto rotate period must be 0 to disable or at least an hour");
        }
        minDecryptionVersion = decryption;
        minEncryptionVersion = encryption;
        deletionAllowed = allowDeletion == null ? deletionAllowed : allowDeletion;
        autoRotatePeriodSeconds = autoRotateSeconds == null ? autoRotatePeriodSeconds : autoRotateSeconds;
    }

    /** "Trim Key": versions below {@code min_available_version} are deleted for good. */
    synchronized void trim(int minAvailable) {
        if (minEncryptionVersion == 0 || minDecryptionVersion == 0) {
            throw VaultError.badRequest("minimum decryption and encryption versions must be set before trimming");
        }
        if (minAvailable < minAvailableVersion) {
            throw VaultError.badRequest("minimum available version cannot be decremented");
        }
        if (minAvailable > Math.min(minDecryptionVersion, minEncryptionVersion)) {
            throw VaultError.badRequest(
                    "minimum available version cannot exceed the minimum decryption or encryption version");
        }
        versions.headMap(minAvailable).clear();
        minAvailableVersion = minAvailable;
    }

    synchronized boolean deletionAllowed() {
        return deletionAllowed;
    }

    /** "Read Key": the configuration and, per version, its creation time (symmetric) or public key (asymmetric). */
    synchronized Map<String, Object> read() {
        Map<String, Object> keys = new LinkedHashMap<>();
        versions.forEach((number, version) -> keys.put(Integer.toString(number), type.supportsSigning()
                ? Map.of("name", type.vaultName(), "creation_time", version.created().toString(),
                        "public_key", Base64.getEncoder().encodeToString(version.rawPublicKey()))
                : version.created().getEpochSecond()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("type", type.vaultName());
        data.put("keys", keys);
        data.put("latest_version", latestVersion);
        data.put("min_available_version", minAvailableVersion);
        data.put("min_decryption_version", minDecryptionVersion);
        data.put("min_encryption_version", minEncryptionVersion);
        data.put("deletion_allowed", deletionAllowed);
        data.put("auto_rotate_period", autoRotatePeriodSeconds);
        data.put("derived", false);
        data.put("exportable", false);
        data.put("allow_plaintext_backup", false);
        data.put("imported_key", false);
        data.put("supports_encryption", type.supportsEncryption());
        data.put("supports_decryption", type.supportsEncryption());
        data.put("supports_derivation", true);
        data.put("supports_signing", type.supportsSigning());
        return data;
    }

    private TransitKeyVersion forNewValues(int requested) {
        if (requested == 0) {
            return versions.get(latestVersion);
        }
        if (requested < minEncryptionVersion || requested < minAvailableVersion || requested < 1) {
            throw VaultError.badRequest("requested version is less than the minimum encryption key version");
        }
        if (requested > latestVersion) {
            throw VaultError.badRequest("requested version is higher than the latest key version");
        }
        return versions.get(requested);
    }

    private TransitKeyVersion forOldValues(int version) {
        if (version > latestVersion) {
            throw VaultError.badRequest("invalid ciphertext: version is too new");
        }
        if (version < minDecryptionVersion || !versions.containsKey(version)) {
            throw VaultError.badRequest(TOO_OLD);
        }
        return versions.get(version);
    }

    private void requireType(boolean supported, String operation) {
        if (!supported) {
            throw VaultError.badRequest("key type " + type.vaultName() + " does not support " + operation);
        }
    }

    private static byte[] mac(TransitKeyVersion version, String algorithm, byte[] input) {
        String jdkName = HMAC_ALGORITHMS.get(algorithm);
        if (jdkName == null) {
            throw VaultError.badRequest("unsupported algorithm");
        }
        try {
            Mac mac = Mac.getInstance(jdkName);
            mac.init(new SecretKeySpec(version.hmacKey(), jdkName));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }

    private static String format(int version, byte[] bytes) {
        return "vault:v" + version + ":" + Base64.getEncoder().encodeToString(bytes);
    }

    /** {@code vault:v<N>:<base64>}, with Vault's messages for each way it can be malformed. */
    private static Versioned parse(String value, String what) {
        if (value == null || !value.startsWith("vault:")) {
            throw VaultError.badRequest("invalid " + what + ": no prefix");
        }
        String[] fields = value.split(":", -1);
        if (fields.length != 3) {
            throw VaultError.badRequest("invalid " + what + ": wrong number of fields");
        }
        int version;
        try {
            if (!fields[1].startsWith("v")) {
                throw new NumberFormatException();
            }
            version = Integer.parseInt(fields[1].substring(1));
        } catch (NumberFormatException e) {
            throw VaultError.badRequest("invalid " + what + ": version number could not be decoded");
        }
        try {
            return new Versioned(version, Base64.getDecoder().decode(fields[2]));
        } catch (IllegalArgumentException e) {
            throw VaultError.badRequest("invalid " + what + ": could not decode base64");
        }
    }

    private record Versioned(int version, byte[] bytes) {
    }
}

package io.privacygate.testing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The keys a benchmark starts the services with, written to its output folder: an RSA key pair whose public half the
 * services take as their static OIDC key ({@code public.key}, {@code private.key}), and local master keys in the
 * {@code <version>:<base64>} form of {@code privacy-gate.keys.local.master-key}.
 */
public final class BenchKeys {
    private BenchKeys() {
    }

    /** @param masterKeyFiles the names of the master-key files to write, one per service that needs one */
    public static void write(Path dir, String... masterKeyFiles) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(dir.resolve("public.key"), Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        Files.writeString(dir.resolve("private.key"), Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        SecureRandom random = new SecureRandom();
        for (String name : masterKeyFiles) {
            byte[] master = new byte[32];
            random.nextBytes(master);
            Files.writeString(dir.resolve(name), "1:" + Base64.getEncoder().encodeToString(master));
        }
    }

    /** The private half written by {@link #write}, which signs the benchmark's tokens. */
    public static PrivateKey privateKey(Path dir) throws IOException, GeneralSecurityException {
        byte[] der = Base64.getDecoder().decode(Files.readString(dir.resolve("private.key")).strip());
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}

package io.privacygate.testing.vault;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link VaultTransitEmulator} on {@code <port>} for a local suite with {@code privacy-gate.keys.provider=vault},
 * set up as deploy/vault/setup.sh sets up a real Vault: per service the transit keys {@code <service>-subject-kek},
 * {@code -blind-index} and {@code -signing-keys} ({@code aes256-gcm96}), and {@code audit-service-checkpoint-signing}
 * ({@code ed25519}); with {@code --policies <dir>}, each {@code <dir>/<service>.hcl} as policy
 * {@code privacy-gate-<service>} and each service's token bound to it (without, the tokens are root tokens).
 * The tokens are written, readable by the owner only, to {@code <state dir>/<service>.token} and
 * {@code <state dir>/root.token}. Keys live in memory: they are gone when the emulator stops, and with them everything
 * wrapped under them. Stops on SIGTERM.
 * <p>
 * Usage: {@code VaultEmulatorMain [--policies <dir>] <state dir> <port>}.
 */
public final class VaultEmulatorMain {
    private static final Logger LOG = Logger.getLogger(VaultEmulatorMain.class);
    static final List<String> SERVICES = List.of("consent-service", "ingestion-service", "dsr-service", "audit-service");

    private VaultEmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Path policies = null;
        int next = 0;
        if (args.length > 1 && args[0].equals("--policies")) {
            policies = Path.of(args[1]);
            next = 2;
        }
        if (args.length - next != 2) {
            LOG.error("Usage: VaultEmulatorMain [--policies <dir>] <state dir> <port>");
            System.exit(2);
        }
        Path state = Files.createDirectories(Path.of(args[next]));
        VaultTransitEmulator vault = VaultTransitEmulator.start(Integer.parseInt(args[next + 1]));
        setUp(vault, policies, state);
        LOG.infof("Vault emulator ready on %s", vault.url());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vault.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** What deploy/vault/setup.sh does to a real Vault, and each service's token written under {@code state}. */
    static void setUp(VaultTransitEmulator vault, Path policies, Path state) throws IOException {
        for (String service : SERVICES) {
            for (String purpose : List.of("subject-kek", "blind-index", "signing-keys")) {
                vault.createKey(service + "-" + purpose, "aes256-gcm96");
            }
            List<String> servicePolicies = List.of("root");
            if (policies != null) {
                vault.policy("privacy-gate-" + service, Files.readString(policies.resolve(service + ".hcl")));
                servicePolicies = List.of("privacy-gate-" + service);
            }
            writeSecret(state.resolve(service + ".token"), vault.token(service, Duration.ZERO, servicePolicies));
        }
        vault.createKey("audit-service-checkpoint-signing", "ed25519");
        writeSecret(state.resolve("root.token"), vault.rootToken());
    }

    private static void writeSecret(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret);
    }
}

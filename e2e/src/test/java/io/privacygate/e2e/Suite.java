package io.privacygate.e2e;

import io.privacygate.testing.Witness;
import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Brings the suite up once per test run with {@code bin/privacy-gate up} — the same command a user runs —
 * and takes it down when the run ends. Its data lives under {@code e2e/target/suite}. A test class annotated
 * {@link Replicas} gets the suite with that many instances of each service behind HAProxy ({@code up --replicas N}):
 * if the suite runs with another number, it is taken down and brought up again (the data stays). Classes run in
 * {@link org.junit.jupiter.api.Order} (junit-platform.properties), so that the one class with replicas comes last.
 */
public class Suite implements BeforeAllCallback {
    static final Path ROOT = Path.of(System.getProperty("privacy-gate.root", "..")).toAbsolutePath().normalize();
    static final Path HOME = Path.of(System.getProperty("privacy-gate.home", "target/suite")).toAbsolutePath().normalize();

    @Override
    public void beforeAll(ExtensionContext context) {
        Replicas wanted = context.getRequiredTestClass().getAnnotation(Replicas.class);
        int replicas = wanted == null ? 1 : wanted.value();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Suite.class, key -> new Running(replicas), Running.class)
                .ensure(replicas);
    }

    /** How many instances of each service a test class needs (bin/privacy-gate up --replicas N). */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    @interface Replicas {
        int value();
    }

    /** The SMTP server the suite's mail goes to; it lives as long as the test run. */
    private static final MailSink MAIL = new MailSink();

    /** The audit log's origin line, its checkpoints' key name (audit-service's privacy-gate.audit.checkpoint.origin). */
    static final String LOG_ORIGIN = "privacy-gate.local/audit-log";

    /**
     * Two independent witnesses (testing's Witness, c2sp.org/tlog-witness) that audit-service asks to cosign every
     * checkpoint, publishing those that 1 of 2 cosigned (issue #24); they live as long as the test run.
     */
    private static final List<Witness> WITNESSES = List.of(
            Witness.start("witness-1.e2e", LOG_ORIGIN), Witness.start("witness-2.e2e", LOG_ORIGIN));

    static List<Witness> witnesses() {
        return WITNESSES;
    }

    /** The mail the suite has sent: one-time codes, notifications. */
    public static MailSink mail() {
        return MAIL;
    }

    /** Closed by JUnit at the end of the run. */
    static final class Running implements ExtensionContext.Store.CloseableResource {
        private int replicas;

        Running(int replicas) {
            up(replicas);
        }

        void ensure(int wanted) {
            if (wanted != replicas) {
                run("down", 5);
                up(wanted);
            }
        }

        private void up(int wanted) {
            run(15, "up", "--replicas", String.valueOf(wanted));
            replicas = wanted;
            // The log's key exists once audit-service has run: only now can the witnesses know it.
            String logKey = RestAssured.get("http://127.0.0.1:8084/api/v1/checkpoints/keys").then().statusCode(200)
                    .extract().path("keys.find { it.current }.verifierKey");
            WITNESSES.forEach(witness -> witness.trust(logKey));
        }

        /** {@code -Dprivacy-gate.keep-running=true} leaves the suite up after the run, to iterate on a test. */
        @Override
        public void close() {
            if (!Boolean.getBoolean("privacy-gate.keep-running")) {
                run("down", 5);
            }
            MAIL.close();
            WITNESSES.forEach(Witness::close);
        }
    }

    /**
     * {@code -Dprivacy-gate.keys=vault}: the whole suite runs with privacy-gate.keys.provider=vault against testing's
     * Vault transit emulator ({@code up --keys vault}); give it a data folder of its own
     * ({@code -Dprivacy-gate.home=target/suite-vault}), since the emulator's keys live in memory.
     */
    static boolean vaultKeys() {
        return "vault".equals(System.getProperty("privacy-gate.keys"));
    }

    /** {@code bin/privacy-gate COMMAND [ARGUMENT...]} for the suite of this test run. */
    static ProcessBuilder command(String... command) {
        List<String> line = new java.util.ArrayList<>(List.of(ROOT.resolve("bin/privacy-gate").toString()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(ROOT.toFile());
        builder.environment().put("PRIVACY_GATE_HOME", HOME.toString());
        if (vaultKeys()) {
            builder.environment().put("PRIVACY_GATE_KEYS", "vault");
        }
        // Meta's Graph API cannot be reached from here: up's local stand-in serves the leads (MetaLeads).
        builder.environment().remove("PRIVACY_GATE_PLATFORMS_META_GRAPH_URL");
        builder.environment().put("PRIVACY_GATE_SMTP_HOST", "127.0.0.1");
        builder.environment().put("PRIVACY_GATE_SMTP_PORT", String.valueOf(MAIL.port()));
        for (int i = 0; i < WITNESSES.size(); i++) {
            String witness = "PRIVACY_GATE_AUDIT_WITNESSES_W" + (i + 1);
            builder.environment().put(witness + "_URL", WITNESSES.get(i).url().toString());
            builder.environment().put(witness + "_KEY", WITNESSES.get(i).verifierKey());
        }
        builder.environment().put("PRIVACY_GATE_AUDIT_WITNESS_POLICY_QUORUM", "1");
        return builder;
    }

    private static void run(String command, int timeoutMinutes) {
        run(timeoutMinutes, command);
    }

    /** {@code bin/privacy-gate COMMAND...}, its output in the test's, failing the test if it fails or hangs. */
    static void run(int timeoutMinutes, String... words) {
        String command = String.join(" ", words);
        try {
            Process process = command(words).inheritIO().start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("bin/privacy-gate " + command + " did not finish in " + timeoutMinutes + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("bin/privacy-gate " + command + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("bin/privacy-gate " + command + " could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

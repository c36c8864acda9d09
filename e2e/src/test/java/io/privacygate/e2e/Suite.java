package io.privacygate.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Brings the suite up once per test run with {@code bin/privacy-gate up} — the same command a user runs —
 * and takes it down when the run ends. Its data lives under {@code e2e/target/suite}.
 */
public class Suite implements BeforeAllCallback {
    static final Path ROOT = Path.of(System.getProperty("privacy-gate.root", "..")).toAbsolutePath().normalize();
    static final Path HOME = Path.of(System.getProperty("privacy-gate.home", "target/suite")).toAbsolutePath().normalize();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Suite.class, key -> new Running(), Running.class);
    }

    /** The SMTP server the suite's mail goes to; it lives as long as the test run. */
    private static final MailSink MAIL = new MailSink();

    /** The mail the suite has sent: one-time codes, notifications. */
    public static MailSink mail() {
        return MAIL;
    }

    /** Closed by JUnit at the end of the run. */
    static final class Running implements ExtensionContext.Store.CloseableResource {
        Running() {
            run("up", 15);
        }

        /** {@code -Dprivacy-gate.keep-running=true} leaves the suite up after the run, to iterate on a test. */
        @Override
        public void close() {
            if (!Boolean.getBoolean("privacy-gate.keep-running")) {
                run("down", 2);
            }
            MAIL.close();
        }
    }

    /** {@code bin/privacy-gate COMMAND} for the suite of this test run. */
    static ProcessBuilder command(String command) {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("bin/privacy-gate").toString(), command)
                .directory(ROOT.toFile());
        builder.environment().put("PRIVACY_GATE_HOME", HOME.toString());
        // Meta's Graph API cannot be reached from here: up's local stand-in serves the leads (MetaLeads).
        builder.environment().remove("PRIVACY_GATE_PLATFORMS_META_GRAPH_URL");
        builder.environment().put("PRIVACY_GATE_SMTP_HOST", "127.0.0.1");
        builder.environment().put("PRIVACY_GATE_SMTP_PORT", String.valueOf(MAIL.port()));
        return builder;
    }

    private static void run(String command, int timeoutMinutes) {
        try {
            Process process = command(command).inheritIO().start();
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

package io.privacygate.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/privacy-gate demo}, as a new user runs it right after {@code up}: every step of the flow succeeds
 * against the running suite. Its output is kept in {@code target/demo.log}, the transcript a user would see.
 */
@ExtendWith(Suite.class)
class DemoIT {
    private static final Path TRANSCRIPT = Path.of("target/demo.log");

    @Test
    void theDemoShowsTheWholeFlowToTheEnd() throws Exception {
        Process demo = Suite.command("demo").redirectErrorStream(true).redirectOutput(TRANSCRIPT.toFile()).start();
        demo.getOutputStream().close();
        boolean finished = demo.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            demo.destroyForcibly();
        }
        String transcript = Files.readString(TRANSCRIPT);

        assertThat(finished).as("demo finished within 5 minutes:\n%s", transcript).isTrue();
        assertThat(demo.exitValue()).as("demo's exit code:\n%s", transcript).isZero();
        assertThat(transcript)
                .contains("Signing in through Keycloak")
                .contains("Meta delivers Léa's lead as a signed webhook")
                .contains("withdraws her consent")
                .contains("asks for a copy of her data")
                .contains("Meta's data deletion callback is followed to completion", "status: completed")
                .contains("The audit log proves all of it")
                .contains("Done. What to open next")
                .doesNotContain("privacy-gate demo:");
    }
}

package io.privacygate.testing.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.testing.Witness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one {@link Witness} as its own process, for benchmarks: it writes its submission URL and verifier key to a file
 * (two lines) at once, since the log must be configured with them before it starts, then learns the log's key from
 * the log's {@code GET /api/v1/checkpoints/keys} as soon as that answers, and cosigns from then on.
 * Usage: {@code WitnessMain <name> <origin> <keys url> <out file>}. Stops on SIGTERM.
 */
public final class WitnessMain {
    private WitnessMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: WitnessMain <name> <origin> <keys url> <out file>");
            System.exit(2);
        }
        Witness witness = Witness.start(args[0], args[1]);
        Files.writeString(Path.of(args[3]), witness.url() + "\n" + witness.verifierKey() + "\n");
        HttpClient http = HttpClient.newHttpClient();
        String logKey = null;
        while (logKey == null) {
            Thread.sleep(500);
            try {
                String keys = http.send(HttpRequest.newBuilder(URI.create(args[2])).build(), HttpResponse.BodyHandlers.ofString()).body();
                logKey = new ObjectMapper().readTree(keys).path("keys").path(0).path("verifierKey").textValue();
            } catch (IOException notYet) {
                // the log is not listening yet, or not answering JSON yet
            }
        }
        witness.trust(logKey);
        Thread.currentThread().join();
    }
}

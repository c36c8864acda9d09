package io.privacygate.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Platform payloads in their documented shapes, byte for byte as the platform sends them. */
public final class TestPayloads {
    private TestPayloads() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = TestPayloads.class.getResourceAsStream("/payloads/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No payload " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}

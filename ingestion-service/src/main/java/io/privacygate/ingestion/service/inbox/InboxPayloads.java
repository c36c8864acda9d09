package io.privacygate.ingestion.service.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.privacygate.ingestion.model.SocialEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What an inbox row holds once opened: the events of a delivery as they were parsed when it was acknowledged, so
 * that a platform body is parsed (and checked) once, on receipt, and the rounds only read them back
 * (docs/decisions/0032). The row is sealed under the inbox key like the body was.
 */
@ApplicationScoped
public class InboxPayloads {
    /** The stored form; a record of its own so that the format can grow without breaking rows already waiting. */
    record Stored(List<SocialEvent> events) {
    }

    private final ObjectWriter writer;
    private final ObjectReader reader;

    InboxPayloads(ObjectMapper json) {
        this.writer = json.writerFor(Stored.class);
        this.reader = json.readerFor(Stored.class);
    }

    public byte[] write(List<SocialEvent> events) {
        try {
            return writer.writeValueAsBytes(new Stored(events));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The events of a delivery cannot be written", e);
        }
    }

    /** @throws UncheckedIOException for bytes that are not events as {@link #write} makes them */
    public List<SocialEvent> read(byte[] stored) {
        try {
            Stored read = reader.readValue(stored);
            if (read == null || read.events() == null) {
                throw new IOException("no events");
            }
            return read.events();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

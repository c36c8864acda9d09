package io.privacygate.ingestion.service.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.privacygate.ingestion.model.ClaimedDelivery;
import io.privacygate.ingestion.model.SocialEvent;
import io.privacygate.ingestion.service.webhook.Payloads;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.List;

/**
 * What an inbox row holds once opened: the events of a delivery as they were parsed when it was acknowledged, so
 * that a platform body is parsed (and checked) once, on receipt, and the rounds only read them back
 * (docs/decisions/0032). The row is sealed under the inbox key like the body was.
 */
@ApplicationScoped
public class InboxPayloads {
    /** Tells a row of events from a raw platform body, which rows written before 0032 hold. */
    static final int FORMAT = 2;

    /** The stored form; a record of its own so that the format can grow without breaking rows already waiting. */
    @RegisterForReflection // written and read by hand: the inbox row's JSON
    record Stored(int format, List<SocialEvent> events) {
    }

    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final Payloads payloads;

    InboxPayloads(ObjectMapper json, Payloads payloads) {
        this.writer = json.writerFor(Stored.class);
        this.reader = json.readerFor(Stored.class);
        this.payloads = payloads;
    }

    public byte[] write(List<SocialEvent> events) {
        try {
            return writer.writeValueAsBytes(new Stored(FORMAT, events));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The events of a delivery cannot be written", e);
        }
    }

    /**
     * The events of an opened row. A row still waiting from before 0032 holds the platform's body, which is parsed
     * as it was then, with the time it was received, so that no delivery acknowledged by an earlier version is lost
     * in the upgrade.
     *
     * @throws IOException for bytes that are neither
     */
    public List<SocialEvent> read(ClaimedDelivery delivery, byte[] opened) throws IOException {
        Stored stored = reader.readValue(opened);
        if (stored != null && stored.format() == FORMAT && stored.events() != null) {
            return stored.events();
        }
        return payloads.parse(delivery.platform(), opened, delivery.receivedAt());
    }
}

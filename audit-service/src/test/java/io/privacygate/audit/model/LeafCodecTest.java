package io.privacygate.audit.model;

import io.privacygate.commons.audit.AuditEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeafCodecTest {

    @Test
    void writesTheDocumentedCanonicalForm() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("z", "last");
        details.put("a", "first");
        AuditEvent event = new AuditEvent("e-1", Instant.parse("2026-11-29T10:15:30.120Z"), "consent-service",
                "client:consent-service", "consent.withdrawn", "5f0c6c3e-2f6e-4c83-9d5e-3c1b9c0f7a11", "marketing",
                "CONSENT", "SUCCESS", details);
        assertThat(new String(LeafCodec.encode(event), StandardCharsets.UTF_8)).isEqualTo(
                "{\"action\":\"consent.withdrawn\",\"actor\":\"client:consent-service\",\"details\":{\"a\":\"first\",\"z\":\"last\"},"
                        + "\"eventId\":\"e-1\",\"legalBasis\":\"CONSENT\",\"occurredAt\":\"2026-11-29T10:15:30.120Z\","
                        + "\"outcome\":\"SUCCESS\",\"purpose\":\"marketing\",\"service\":\"consent-service\","
                        + "\"subjectRef\":\"5f0c6c3e-2f6e-4c83-9d5e-3c1b9c0f7a11\"}");
    }

    @Test
    void leavesOutMissingFieldsButKeepsEmptyDetails() {
        AuditEvent event = new AuditEvent("e-2", Instant.parse("2026-01-01T00:00:00Z"), "dsr-service", null,
                "request.received", null, null, null, "SUCCESS", null);
        assertThat(new String(LeafCodec.encode(event), StandardCharsets.UTF_8)).isEqualTo(
                "{\"action\":\"request.received\",\"details\":{},\"eventId\":\"e-2\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
                        + "\"outcome\":\"SUCCESS\",\"service\":\"dsr-service\"}");
    }

    @Test
    void readsBackTheSameEvent() {
        AuditEvent event = new AuditEvent("e-3", Instant.parse("2026-01-01T00:00:00.123456789Z"), "ingestion-service",
                "user:1", "contact.read", "s-1", "customer-support", "CONTRACT", "DENIED", Map.of("reason", "no \"consent\"\n"));
        byte[] leaf = LeafCodec.encode(event);
        assertThat(LeafCodec.decode(leaf)).isEqualTo(event);
        assertThat(LeafCodec.encode(LeafCodec.decode(leaf))).isEqualTo(leaf);
    }
}

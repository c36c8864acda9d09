package io.privacygate.dsr.service.export;

import io.privacygate.commons.dsr.DsrExport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PurposesTest {

    @Test
    void findsEveryPurposeNamedInAnyRecordSetOnce() {
        DsrExport export = new DsrExport("audit-service", UUID.randomUUID(), Instant.now(), Map.of(
                "processingLog", List.of(Map.of("purpose", "b"), Map.of("purpose", "a"), Map.of("action", "x")),
                "other", List.of(Map.of("purposeKey", "c"), Map.of("purpose", "a"))));
        assertThat(Purposes.processedFor(export)).containsExactly("a", "b", "c");
    }
}

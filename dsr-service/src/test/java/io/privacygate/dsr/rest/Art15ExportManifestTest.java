package io.privacygate.dsr.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.service.export.Accountability;
import io.privacygate.dsr.service.export.ExportPackager;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Art. 15(1)-(2): the package's manifest.json names, from dsr-service's configuration, the controller and its DPO
 * (Art. 13(1)(a)-(b)), the statement on automated decision-making (Art. 15(1)(h)) and each transfer to a third
 * country with its safeguard (Art. 15(2), 46). The test profile configures one transfer.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class Art15ExportManifestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DsrConfig config;

    @Test
    void theManifestNamesTheControllerTheDpoAutomatedDecisionsAndTransfersWithTheirSafeguards() throws IOException {
        JsonNode manifest = manifest(Accountability.of(config));
        assertThat(manifest.path("controller").path("name").asText()).isEqualTo("Privacy Gate (development)");
        assertThat(manifest.path("controller").path("contact").asText()).isEqualTo("https://privacy-gate.invalid/privacy");
        assertThat(manifest.path("dpo").path("contact").asText()).isEqualTo("dpo@privacy-gate.invalid");
        assertThat(manifest.path("automatedDecisionMaking").asText()).contains("No decision based solely on automated "
                + "processing").contains("Art. 22(1)");
        assertThat(manifest.path("transfers")).hasSize(1);
        JsonNode transfer = manifest.path("transfers").get(0);
        assertThat(transfer.path("recipient").asText()).isEqualTo("Helpdesk Inc");
        assertThat(transfer.path("country").asText()).isEqualTo("United States");
        assertThat(transfer.path("safeguard").asText()).contains("standard contractual clauses");
        assertThat(manifest.has("transfersStatement")).isFalse();
    }

    @Test
    void withoutTransfersTheManifestSaysThereAreNone() throws IOException {
        Accountability none = new Accountability("Example Ltd", "privacy@example.org", null, "No automated decisions.",
                List.of());
        JsonNode manifest = manifest(none);
        assertThat(manifest.path("transfers")).isEmpty();
        assertThat(manifest.path("transfersStatement").asText()).contains("not transferred to a third country");
        assertThat(manifest.path("dpo").path("contact").isNull()).isTrue();
    }

    private static JsonNode manifest(Accountability accountability) throws IOException {
        DsrRequest request = new DsrRequest();
        request.id = UUID.randomUUID();
        request.type = RequestType.ACCESS;
        request.subjectId = UUID.randomUUID();
        request.receivedAt = Instant.now();
        request.dueAt = Instant.now();
        byte[] zip = ExportPackager.zip(request, List.of(new DsrExport("consent-service", request.subjectId,
                Instant.now(), Map.of())), List.of(), List.of(), "audit-service", accountability, Instant.now());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals("manifest.json")) {
                    return JSON.readTree(in.readAllBytes());
                }
            }
        }
        throw new AssertionError("no manifest.json in the package");
    }
}

package io.privacygate.dsr.service.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.dsr.api.PurposeInfo;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.RequestType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ExportPackagerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID SUBJECT = UUID.randomUUID();
    private static final Accountability ACCOUNTABILITY = new Accountability("Example Ltd", "privacy@example.org",
            null, "No automated decisions.", List.of());

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static DsrRequest request() {
        DsrRequest request = new DsrRequest();
        request.id = UUID.randomUUID();
        request.type = RequestType.ACCESS;
        request.subjectId = SUBJECT;
        request.receivedAt = Instant.parse("2026-01-31T10:00:00Z");
        request.dueAt = Instant.parse("2026-02-28T23:59:59Z");
        return request;
    }

    private static PurposeInfo purpose(String key, String basis, List<String> categories, List<String> recipients) {
        return new PurposeInfo(key, 1, "Title " + key, "About " + key, basis, "eu-gdpr:A6-1-x", categories, "P1Y",
                recipients, List.of("email"), false);
    }

    private final List<DsrExport> exports = List.of(
            new DsrExport("ingestion-service", SUBJECT, Instant.parse("2026-02-01T10:00:00Z"), Map.of(
                    "interactions", List.of(
                            Map.of("id", "i1", "purpose", "social-engagement", "platform", "facebook", "text", "Hi, there"),
                            Map.of("id", "i2", "purpose", "customer-support", "platform", "instagram", "text", "help")),
                    "contacts", List.of(Map.of("name", "Ann Example", "email", "ann@example.org")))),
            new DsrExport("audit-service", SUBJECT, Instant.parse("2026-02-01T10:00:01Z"), Map.of(
                    "processingLog", List.of(Map.of("action", "interaction.stored", "purpose", "social-engagement",
                            "legalBasis", "LEGITIMATE_INTERESTS")))));

    private final List<PurposeInfo> register = List.of(
            purpose("social-engagement", "LEGITIMATE_INTERESTS", List.of("profile", "message"), List.of("CRM Ltd")),
            purpose("customer-support", "CONTRACT", List.of("message"), List.of("Helpdesk Inc", "CRM Ltd")),
            purpose("marketing-leads", "CONSENT", List.of("email"), List.of("Ads Co")));

    @Test
    void holdsAJsonFilePerSystemACsvPerRecordSetBesideItAndTheManifest() throws IOException {
        Map<String, byte[]> files = unzip(ExportPackager.zip(request(), exports, List.of(), register, "audit-service", ACCOUNTABILITY, Instant.now()));
        assertThat(files.keySet()).containsExactlyInAnyOrder("audit-service.json", "audit-service.processingLog.csv",
                "ingestion-service.json", "ingestion-service.contacts.csv", "ingestion-service.interactions.csv",
                "manifest.json");
        JsonNode ingestion = JSON.readTree(files.get("ingestion-service.json"));
        assertThat(ingestion.path("records").path("interactions")).hasSize(2);
        String csv = new String(files.get("ingestion-service.interactions.csv"), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains("\"Hi, there\"");
    }

    @Test
    void theManifestGivesTheInformationOfArticle15OfThePurposesTheDataWasProcessedFor() throws IOException {
        DsrRequest request = request();
        JsonNode manifest = JSON.readTree(unzip(ExportPackager.zip(request, exports, List.of("consent-service"), register,
                "audit-service", ACCOUNTABILITY, Instant.now())).get("manifest.json"));
        assertThat(manifest.path("request").path("id").asText()).isEqualTo(request.id.toString());
        assertThat(manifest.path("purposes").findValuesAsText("key"))
                .containsExactlyInAnyOrder("customer-support", "social-engagement");
        assertThat(manifest.path("categories").toString()).isEqualTo("[\"message\",\"profile\"]");
        assertThat(manifest.path("recipients").toString()).isEqualTo("[\"CRM Ltd\",\"Helpdesk Inc\"]");
        assertThat(manifest.path("retention").findValuesAsText("period")).containsOnly("P1Y");
        assertThat(manifest.path("legalBases").findValuesAsText("legalBasis"))
                .containsExactlyInAnyOrder("LEGITIMATE_INTERESTS", "CONTRACT");
        assertThat(manifest.path("sources").toString()).contains("facebook", "instagram");
        assertThat(manifest.path("processingHistory").path("system").asText()).isEqualTo("audit-service");
        assertThat(manifest.path("processingHistory").path("entries")).hasSize(1);
        assertThat(manifest.path("systems")).hasSize(2);
        assertThat(manifest.path("noDataHeldIn").toString()).isEqualTo("[\"consent-service\"]");
    }

    @Test
    void namesFromOtherSystemsBecomeSafeFileNames() {
        assertThat(ExportPackager.fileName("../../etc/passwd")).isEqualTo("_.._.._etc_passwd");
        assertThat(ExportPackager.fileName("ingestion-service")).isEqualTo("ingestion-service");
    }
}

package io.privacygate.consent.service.purposes;

import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.commons.web.CsvTable;
import io.privacygate.consent.api.BalancingTestView;
import io.privacygate.consent.api.PurposeView;
import io.privacygate.consent.model.PurposeStatus;
import io.privacygate.consent.api.Ropa;
import io.privacygate.consent.model.Art14Notice;
import io.privacygate.consent.api.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RopaCsvTest {

    @Test
    void writesOneRowPerActivityAfterTheHeader() {
        PurposeView purpose = new PurposeView("newsletter", 2, true, PurposeStatus.ACTIVE, "Newsletter, monthly",
                "Says \"hello\"", LegalBasis.LEGITIMATE_INTERESTS, "eu-gdpr:A6-1-f", null,
                new BalancingTestView(1, "Keeping customers", "Only the address", "Expected; easy to stop",
                        "user:dpo", Instant.parse("2026-01-01T00:00:00Z")), List.of(), List.of("email", "name"), "P2Y", List.of("Mailer Ltd"),
                List.of("email"), "https://example.org/n", "3", "sha-256:ab",
                Map.of("en", "sha-256:ab", "de", "sha-256:cd"), true, false, Instant.parse("2026-01-02T03:04:05Z"),
                Art14Notice.INDIVIDUAL, null);
        String csv = RopaCsv.write(new Ropa(new Ropa.Controller("ACME", "https://acme.example/privacy", null),
                new Ropa.Dpo("dpo@acme.example"), Instant.now(), List.of("customers", "prospects"),
                List.of(new Ropa.Transfer("Mailer Inc", "US", "SCC 2021/914")), "Encrypted at rest", List.of(),
                List.of(purpose), List.of(new Ropa.PlatformLimit("linkedin", SourceKind.COMMENT, List.of("engagement")),
                new Ropa.PlatformLimit("linkedin", SourceKind.LEAD_FORM, List.of("leads", "newsletter")))));

        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo(String.join(",", RopaCsv.HEADER));
        assertThat(lines[1]).isEqualTo("ACME,https://acme.example/privacy,newsletter,2,ACTIVE,\"Newsletter, monthly\","
                + "\"Says \"\"hello\"\"\",LEGITIMATE_INTERESTS,eu-gdpr:A6-1-f,,Keeping customers,Only the address,"
                + "Expected; easy to stop,user:dpo,2026-01-01T00:00:00Z,email; name,P2Y,Mailer Ltd,email,https://example.org/n,3,"
                + "de=sha-256:cd; en=sha-256:ab,true,false,2026-01-02T03:04:05Z,INDIVIDUAL,,linkedin=lead-form,"
                + "dpo@acme.example,customers; prospects,\"Mailer Inc (US, SCC 2021/914)\",Encrypted at rest");
    }

    @Test
    void defusesCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(CsvTable.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvTable.cell("+1")).isEqualTo("'+1");
        assertThat(CsvTable.cell("@SUM")).isEqualTo("'@SUM");
        assertThat(CsvTable.cell("plain")).isEqualTo("plain");
    }
}

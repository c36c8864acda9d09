package io.privacygate.dsr.peers;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.privacygate.dsr.service.deadlines.OverdueService;
import io.privacygate.dsr.ui.ConsoleBrowser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The console pages that read peers, against the real consent-service and audit-service: each call carries the
 * signed-in person's own token, so the peer applies that person's roles.
 */
@QuarkusTest
@TestProfile(WithPeers.class)
class ConsolePeersTest {
    @OidcWireMock
    WireMockServer idp;

    @Inject
    OverdueService overdue;

    @BeforeAll
    static void register() {
        PeerFixtures.ensurePurposes();
    }

    @Nested
    class SubjectLookup {
        @Test
        void showsConsentPerPurposeWithHistoryReceiptsAndRestriction() {
            String email = PeerFixtures.email();
            UUID subject = PeerFixtures.subject(email, PeerFixtures.facebookId());
            PeerFixtures.grantNewsletter(subject);
            ConsoleBrowser operator = ConsoleBrowser.signedIn(idp, "Oscar Operator", "privacy-operator");
            Response found = operator.post("/console/subjects", ConsoleBrowser.csrf(operator.get("/console/subjects")),
                    Map.of("identifierType", "email", "identifier", email));
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.asString()).contains(subject.toString()).contains(PeerFixtures.NEWSLETTER)
                    .contains("GRANTED").contains("web-form").contains("not restricted")
                    .contains("/console/subjects/receipt?id=");
            String receipt = found.asString().replaceAll("(?s).*/console/subjects/receipt\\?id=([0-9a-f-]{36}).*", "$1");
            Response jws = operator.get("/console/subjects/receipt?id=" + receipt);
            assertThat(jws.statusCode()).isEqualTo(200);
            assertThat(jws.asString().split("\\.")).hasSize(3);
        }

        @Test
        void tellsWhenNobodyIsKnownAndCreatesNobody() {
            String email = PeerFixtures.email();
            ConsoleBrowser operator = ConsoleBrowser.signedIn(idp, "Oscar Operator", "privacy-operator");
            Response answer = operator.post("/console/subjects", ConsoleBrowser.csrf(operator.get("/console/subjects")),
                    Map.of("identifierType", "email", "identifier", email));
            assertThat(answer.asString()).contains("Nobody is known by that identifier");
            PeerFixtures.at(Peers.CONSENT, PeerFixtures.operator())
                    .body(Map.of("identifiers", java.util.List.of(Map.of("type", "email", "value", email))))
                    .post("/api/v1/subjects/lookup").then().statusCode(404);
        }
    }

    @Nested
    class Purposes {
        @Test
        void theDpoSeesTheRegisterSavesANewVersionAndDownloadsTheRopa() {
            ConsoleBrowser dpo = ConsoleBrowser.signedIn(idp, "Dana Dpo", "dpo");
            Response list = dpo.get("/console/purposes?edit=" + PeerFixtures.SOCIAL);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.asString()).contains(PeerFixtures.NEWSLETTER).contains("New version of " + PeerFixtures.SOCIAL);
            int before = PeerFixtures.at(Peers.CONSENT, PeerFixtures.dpo()).get("/api/v1/purposes/" + PeerFixtures.SOCIAL)
                    .then().statusCode(200).extract().path("version");
            Map<String, String> form = new java.util.HashMap<>(Map.of("key", PeerFixtures.SOCIAL, "title", "Social engagement",
                    "legalBasis", "LEGITIMATE_INTERESTS", "dataCategories", "name, message-content", "retention", "P1Y",
                    "recipients", PeerFixtures.SOCIAL_RECIPIENT, "channels", "facebook"));
            Response saved = dpo.post("/console/purposes", ConsoleBrowser.csrf(list), form);
            assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
            PeerFixtures.at(Peers.CONSENT, PeerFixtures.dpo()).get("/api/v1/purposes/" + PeerFixtures.SOCIAL).then()
                    .statusCode(200).body("version", org.hamcrest.Matchers.equalTo(before + 1));
            Response ropa = dpo.get("/console/purposes/ropa.csv");
            assertThat(ropa.statusCode()).isEqualTo(200);
            assertThat(ropa.contentType()).startsWith("text/csv");
            assertThat(ropa.asString()).contains(PeerFixtures.NEWSLETTER);
        }

        @Test
        void aRefusedFormIsShownAgainWithWhy() {
            ConsoleBrowser dpo = ConsoleBrowser.signedIn(idp, "Dana Dpo", "dpo");
            String csrf = ConsoleBrowser.csrf(dpo.get("/console/purposes"));
            Response refused = dpo.post("/console/purposes", csrf, Map.of("key", "x", "title", "", "retention", ""));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.asString()).contains("Not saved");
        }
    }

    @Nested
    class Audit {
        @Test
        void showsTheSignedCheckpointVerifiesTheLogAndProvesAnEntry() {
            PeerFixtures.at(Peers.AUDIT, PeerFixtures.dpo()).post("/api/v1/checkpoints").then().statusCode(org.hamcrest.Matchers.isOneOf(200, 201));
            ConsoleBrowser auditor = ConsoleBrowser.signedIn(idp, "Ada Auditor", "auditor");
            Response page = auditor.get("/console/audit?entry=0");
            assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
            assertThat(page.asString()).contains("id=\"tree-size\"").contains("signature verified here")
                    .contains("Entry 0 is in the signed tree");
            Response verified = auditor.post("/console/audit/verification", ConsoleBrowser.csrf(page), Map.of());
            assertThat(verified.statusCode()).isEqualTo(200);
            assertThat(verified.asString()).contains("Valid:");
        }

        @Test
        void theDpoSeesARequestsAuditTrailFromTheLog() {
            String email = PeerFixtures.email();
            UUID subject = PeerFixtures.subject(email, PeerFixtures.facebookId());
            PeerFixtures.grantNewsletter(subject);
            String id = PeerFixtures.file("ACCESS", PeerFixtures.byEmail(email)).extract().path("id");
            PeerFixtures.attest(id);
            PeerFixtures.awaitStatus(id, "COMPLETED", Duration.ofSeconds(60));
            ConsoleBrowser dpo = ConsoleBrowser.signedIn(idp, "Dana Dpo", "dpo");
            PeerFixtures.await("the request's events in audit-service", Duration.ofSeconds(30), () ->
                    dpo.get("/console/request?id=" + id).asString().contains("dsr.request.completed"));
            Response zip = dpo.get("/console/request/export?id=" + id);
            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(zip.contentType()).isEqualTo("application/zip");
        }
    }

    /**
     * Art. 33-34 against the real audit-service: its detection raises DSR_OVERDUE alerts from dsr-service's own
     * overdue events, and its breach register keeps the 72-hour clock; the console only forwards the DPO's token.
     */
    @Nested
    class AlertsAndBreaches {
        @Test
        void theDpoAcknowledgesOneAlertAndEscalatesAnotherToTheRegister() throws Throwable {
            String first = overdueRequest();
            String second = overdueRequest();
            VertxContextSupport.subscribeAndAwait(() -> overdue.markOverdue(Instant.now()));
            ConsoleBrowser dpo = ConsoleBrowser.signedIn(idp, "Dana Dpo", "dpo");
            PeerFixtures.await("the alerts raised by audit-service", Duration.ofSeconds(60), () -> {
                String page = dpo.get("/console/breaches").asString();
                return page.contains(first) && page.contains(second);
            });
            Response page = dpo.get("/console/breaches");
            String acknowledged = alertAbout(page.asString(), first);
            String escalated = alertAbout(page.asString(), second);

            Response ack = dpo.post("/console/breaches/alert/acknowledgement", ConsoleBrowser.csrf(page),
                    Map.of("alertId", acknowledged));
            assertThat(ack.statusCode()).as(ack.asString()).isEqualTo(303);
            Response esc = dpo.post("/console/breaches/alert/escalation", ConsoleBrowser.csrf(page),
                    Map.of("alertId", escalated, "risk", "HIGH"));
            assertThat(esc.statusCode()).as(esc.asString()).isEqualTo(303);
            assertThat(URLDecoder.decode(esc.header("Location"), StandardCharsets.UTF_8)).contains("escalated to breach");

            PeerFixtures.at(Peers.AUDIT, PeerFixtures.dpo()).get("/api/v1/alerts/" + acknowledged).then()
                    .statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", notNullValue());
            String breachId = PeerFixtures.at(Peers.AUDIT, PeerFixtures.dpo()).get("/api/v1/alerts/" + escalated).then()
                    .statusCode(200).body("status", equalTo("ESCALATED")).extract().path("breachId");
            PeerFixtures.at(Peers.AUDIT, PeerFixtures.dpo()).get("/api/v1/breaches/" + breachId).then()
                    .statusCode(200).body("risk", equalTo("HIGH")).body("alertId", equalTo(escalated));
            String after = dpo.get("/console/breaches").asString();
            assertThat(after).doesNotContain("id=\"alert-" + acknowledged + "\"")
                    .doesNotContain("id=\"alert-" + escalated + "\"").contains("id=\"breach-" + breachId + "\"");
        }

        @Test
        void theDpoRecordsABreachWatchesItsClockAndRecordsBothNotifications() {
            String nature = "Console test: a laptop with an unencrypted CRM export was lost " + UUID.randomUUID();
            ConsoleBrowser dpo = ConsoleBrowser.signedIn(idp, "Dana Dpo", "dpo");
            Response page = dpo.get("/console/breaches");
            assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
            String awareAt = LocalDateTime.now(ZoneOffset.UTC).minusHours(80).withSecond(0).withNano(0).toString();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("nature", nature);
            form.put("risk", "HIGH");
            form.put("awareAt", awareAt);
            form.put("dataCategories", "contact, message-content");
            form.put("subjectCategories", "customers");
            form.put("approxSubjects", "12");
            form.put("approxRecords", "40");
            form.put("consequences", "Phishing with the contacts");
            form.put("measures", "Remote wipe requested");
            Response recorded = dpo.post("/console/breaches", ConsoleBrowser.csrf(page), form);
            assertThat(recorded.statusCode()).as(recorded.asString()).isEqualTo(303);
            String breachId = breachWithNature(nature);

            page = dpo.get("/console/breaches");
            assertThat(row(page.asString(), "breach-" + breachId)).contains("overdue by").contains("to be told");

            Response withoutReasons = dpo.post("/console/breaches/authority-notification", ConsoleBrowser.csrf(page),
                    Map.of("breachId", breachId, "authority", "Lead authority", "reference", "CASE-1"));
            assertThat(withoutReasons.statusCode()).as("Art. 33(1): late without reasons").isEqualTo(400);
            assertThat(withoutReasons.asString()).contains("Not recorded");
            PeerFixtures.at(Peers.AUDIT, PeerFixtures.dpo()).get("/api/v1/breaches/" + breachId).then()
                    .body("authorityNotification.notifiedAt", nullValue());

            Response notified = dpo.post("/console/breaches/authority-notification", ConsoleBrowser.csrf(page),
                    Map.of("breachId", breachId, "authority", "Lead authority", "reference", "CASE-1",
                            "lateReasons", "The loss was reported to us late by the courier"));
            assertThat(notified.statusCode()).as(notified.asString()).isEqualTo(303);
            Response told = dpo.post("/console/breaches/subject-notification", ConsoleBrowser.csrf(page),
                    Map.of("breachId", breachId, "method", "e-mail to each customer"));
            assertThat(told.statusCode()).as(told.asString()).isEqualTo(303);

            PeerFixtures.at(Peers.AUDIT, PeerFixtures.dpo()).get("/api/v1/breaches/" + breachId).then().statusCode(200)
                    .body("authorityNotification.notifiedAt", notNullValue())
                    .body("authorityNotification.late", equalTo(true))
                    .body("authorityNotification.reference", equalTo("CASE-1"))
                    .body("subjectNotification.notifiedAt", notNullValue())
                    .body("subjectNotification.method", equalTo("e-mail to each customer"));
            String row = row(dpo.get("/console/breaches").asString(), "breach-" + breachId);
            assertThat(row).contains("authority notified").contains("(after 72 h)").contains("told ");
        }

        @Test
        void anAuditorReadsTheRegisterAndIsOfferedNoAction() {
            String nature = "Console test: seen by the auditor " + UUID.randomUUID();
            PeerFixtures.at(Peers.AUDIT, PeerFixtures.dpo()).body(Map.of("nature", nature, "risk", "UNLIKELY",
                            "awareAt", Instant.now().toString(), "approxSubjects", 1, "approxRecords", 1))
                    .post("/api/v1/breaches").then().statusCode(201);
            ConsoleBrowser auditor = ConsoleBrowser.signedIn(idp, "Ada Auditor", "auditor");
            Response page = auditor.get("/console/breaches");
            assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
            assertThat(page.asString()).contains(nature).contains("no notification required")
                    .doesNotContain("id=\"breach-form\"").doesNotContain("/console/breaches/alert/")
                    .doesNotContain("/console/breaches/authority-notification");
            assertThat(auditor.post("/console/breaches", ConsoleBrowser.csrf(page), Map.of("nature", nature))
                    .statusCode()).as("a forged form").isEqualTo(403);
        }

        /** A request of a person consent-service knows, received 40 days ago and never verified: overdue. */
        private String overdueRequest() {
            String email = PeerFixtures.email();
            PeerFixtures.subject(email, PeerFixtures.facebookId());
            return PeerFixtures.as(PeerFixtures.operator()).body(Map.of("type", "ERASURE",
                            "identifiers", PeerFixtures.byEmail(email),
                            "receivedAt", Instant.now().minus(40, ChronoUnit.DAYS).toString()))
                    .post(PeerFixtures.REQUESTS).then().statusCode(201).extract().path("id");
        }

        private static String alertAbout(String page, String requestId) {
            Matcher alert = Pattern.compile("<tr id=\"alert-([0-9a-f-]{36})\">((?:(?!</tr>).)*)</tr>", Pattern.DOTALL)
                    .matcher(page);
            while (alert.find()) {
                if (alert.group(2).contains(requestId)) {
                    return alert.group(1);
                }
            }
            throw new AssertionError("no alert about request " + requestId);
        }

        private static String row(String page, String id) {
            int start = page.indexOf("id=\"" + id + "\"");
            assertThat(start).as("row " + id).isPositive();
            return page.substring(start, page.indexOf("</tr>", start));
        }

        private static String breachWithNature(String nature) {
            List<Map<String, Object>> items = PeerFixtures.at(Peers.AUDIT, PeerFixtures.dpo())
                    .get("/api/v1/breaches?size=100").then().statusCode(200).extract().path("items");
            return items.stream().filter(b -> nature.equals(b.get("nature"))).map(b -> (String) b.get("id"))
                    .findFirst().orElseThrow(() -> new AssertionError("the breach is not in audit-service's register"));
        }
    }
}

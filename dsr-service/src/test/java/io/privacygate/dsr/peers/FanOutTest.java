package io.privacygate.dsr.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.dsr.peers.PeerFixtures.Person;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.privacygate.dsr.peers.PeerFixtures.NEWSLETTER;
import static io.privacygate.dsr.peers.PeerFixtures.NEWSLETTER_RECIPIENT;
import static io.privacygate.dsr.peers.PeerFixtures.REQUESTS;
import static io.privacygate.dsr.peers.PeerFixtures.SOCIAL;
import static io.privacygate.dsr.peers.PeerFixtures.SOCIAL_RECIPIENT;
import static io.privacygate.dsr.peers.PeerFixtures.as;
import static io.privacygate.dsr.peers.PeerFixtures.at;
import static io.privacygate.dsr.peers.PeerFixtures.attest;
import static io.privacygate.dsr.peers.PeerFixtures.awaitStatus;
import static io.privacygate.dsr.peers.PeerFixtures.byEmail;
import static io.privacygate.dsr.peers.PeerFixtures.dpo;
import static io.privacygate.dsr.peers.PeerFixtures.email;
import static io.privacygate.dsr.peers.PeerFixtures.file;
import static io.privacygate.dsr.peers.PeerFixtures.operator;
import static io.privacygate.dsr.peers.PeerFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

/** Every right, end to end, against the real consent-, ingestion- and audit-service. */
@QuarkusTest
@TestProfile(WithPeers.class)
class FanOutTest {
    private static final Duration DONE_WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void register() {
        PeerFixtures.ensurePurposes();
    }

    static String fileAndVerify(String type, Person person) {
        String id = file(type, byEmail(person.email())).extract().path("id");
        attest(id);
        return id;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void accessPackagesWhatEverySystemHoldsWithTheInformationOfArticle15() throws IOException {
        Person person = person(3);
        String id = fileAndVerify("ACCESS", person);
        awaitStatus(id, "COMPLETED", DONE_WITHIN)
                .body("subjectId", equalTo(person.subjectId().toString()))
                .body("outcome", equalTo("FULFILLED"))
                .body("tasks.status", everyItem(equalTo("DONE")))
                .body("answer.export.available", equalTo(true));
        byte[] zip = as(operator()).get(REQUESTS + "/" + id + "/export").then().statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", containsString("dsr-" + id + ".zip"))
                .extract().asByteArray();
        Map<String, byte[]> files = unzip(zip);
        assertThat(files.keySet()).contains("manifest.json", "consent-service.json", "ingestion-service.json",
                "audit-service.json", "ingestion-service.interactions.csv", "consent-service.identifiers.csv",
                "audit-service.processingLog.csv");
        JsonNode ingestion = JSON.readTree(files.get("ingestion-service.json"));
        assertThat(ingestion.path("records").path("interactions")).hasSize(3);
        assertThat(new String(files.get("ingestion-service.interactions.csv"), StandardCharsets.UTF_8))
                .contains("Comment number 0");
        assertThat(new String(files.get("consent-service.json"), StandardCharsets.UTF_8)).contains(person.email());
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.path("purposes").findValuesAsText("key")).contains(SOCIAL, NEWSLETTER);
        assertThat(manifest.path("recipients").toString()).contains(SOCIAL_RECIPIENT, NEWSLETTER_RECIPIENT);
        assertThat(manifest.path("legalBases").toString()).contains("LEGITIMATE_INTERESTS", "CONSENT");
        assertThat(manifest.path("retention").toString()).contains("P1Y");
        assertThat(manifest.path("categories").toString()).contains("message-content");
        assertThat(manifest.path("sources").toString()).contains("ingestion-service");
        assertThat(manifest.path("processingHistory").path("entries").size()).isPositive();
        assertThat(manifest.path("processingHistory").toString()).contains("consent.granted");
    }

    @Test
    void theExportIsStoredEncryptedAndExpires() {
        Person person = person(0);
        String id = fileAndVerify("PORTABILITY", person);
        awaitStatus(id, "COMPLETED", DONE_WITHIN)
                .body("answer.export.expiresAt", notNullValue());
        as(operator()).get(REQUESTS + "/" + id + "/export").then().statusCode(200);
        ExportStore.assertEncrypted(id, person.email());
        ExportStore.expire(id);
        as(operator()).get(REQUESTS + "/" + id + "/export").then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:privacy-gate:problem:gone"));
    }

    @Test
    void anUnknownPersonIsToldNoDataIsHeldAndNothingIsLeftBehind() {
        String unknown = email();
        String id = file("ACCESS", byEmail(unknown)).extract().path("id");
        awaitStatus(id, "COMPLETED", DONE_WITHIN)
                .body("outcome", equalTo("NO_DATA_HELD"))
                .body("subjectResolution", equalTo("NONE"))
                .body("answer.summary", containsString("No personal data is held"));
        as(operator()).get(REQUESTS + "/" + id + "/export").then().statusCode(409)
                .body("detail", containsString("No personal data is held"));
        // The lookup created nobody: consent-service still knows no one by that address.
        at(Peers.CONSENT, dpo()).body(Map.of("identifiers", byEmail(unknown))).post("/api/v1/subjects/lookup")
                .then().statusCode(404);
    }

    /** Identifiers of two different people: not a silent success, but a task failed for good that says why. */
    @Test
    void identifiersOfTwoDifferentPeopleStopTheRequestWithAClearReasonForTheOperator() {
        Person first = person(0);
        Person second = person(0);
        String id = file("ERASURE", List.of(Map.of("type", "email", "value", first.email()),
                Map.of("type", "facebook", "value", second.facebookId()))).extract().path("id");
        PeerFixtures.await("the lookup to fail for good", DONE_WITHIN, () ->
                "FAILED".equals(PeerFixtures.request(id).extract().path("tasks.find { it.step == 'RESOLVE' }.status")));
        PeerFixtures.request(id)
                .body("status", equalTo("RECEIVED"))
                .body("subjectResolution", equalTo("PENDING"))
                .body("tasks.find { it.step == 'RESOLVE' }.lastError", containsString("different subjects"));
        at(Peers.CONSENT, dpo()).get("/api/v1/subjects/" + first.subjectId()).then().statusCode(200);
        at(Peers.CONSENT, dpo()).get("/api/v1/subjects/" + second.subjectId()).then().statusCode(200);
    }

    /** The privacy center files for the person, checks an e-mail code itself, and hands them their package. */
    @Test
    void aFilingServiceVerifiesByItsOwnEmailCodeAndDownloadsThePackageOfItsRequest() {
        Person person = person(0);
        String center = TestTokens.service("consent-service", "dsr-intake");
        String id = PeerFixtures.as(center).body(Map.of("type", "ACCESS", "identifiers", byEmail(person.email()),
                "channel", "privacy-center")).post(REQUESTS).then().statusCode(201).extract().path("id");
        PeerFixtures.as(center).body(Map.of("method", "EMAIL_CODE", "evidence", "code e-mailed by the privacy center, entered in time"))
                .post(REQUESTS + "/" + id + "/verification").then().statusCode(200)
                .body("verification.method", equalTo("EMAIL_CODE"));
        awaitStatus(id, "COMPLETED", DONE_WITHIN);
        PeerFixtures.as(center).get(REQUESTS + "/" + id).then().statusCode(200).body("status", equalTo("COMPLETED"));
        PeerFixtures.as(center).get(REQUESTS + "/" + id + "/export").then().statusCode(200).contentType("application/zip");
        PeerFixtures.as(TestTokens.service("ingestion-service", "dsr-intake")).get(REQUESTS + "/" + id + "/export")
                .then().statusCode(403);
    }

    @Test
    void erasureCollectsEveryReceiptAndSaysWhatIsKeptAndWhy() {
        Person person = person(2);
        String id = fileAndVerify("ERASURE", person);
        ValidatableResponse done = awaitStatus(id, "COMPLETED", DONE_WITHIN)
                .body("outcome", equalTo("PARTIALLY_FULFILLED"))
                .body("answer.erasure.system", hasItems(Peers.CONSENT, Peers.INGESTION, Peers.AUDIT))
                .body("answer.erasure.find { it.system == 'ingestion-service' }.keyShredded", equalTo(true))
                .body("answer.erasure.find { it.system == 'ingestion-service' }.deleted.interactions", equalTo(2))
                .body("answer.retained.system", hasItems(Peers.AUDIT, Peers.CONSENT))
                .body("answer.retained.legalBasis", hasItem(containsString("Art. 17(3)")))
                .body("answer.summary", containsString("Kept in audit-service"));
        // Art. 19: the recipients of the purposes the data was processed for.
        done.body("answer.recipientsNotified.recipient", hasItems(SOCIAL_RECIPIENT, NEWSLETTER_RECIPIENT));
        at(Peers.CONSENT, dpo()).get("/api/v1/subjects/" + person.subjectId()).then().statusCode(404);
        at(Peers.INGESTION, TestTokens.service("dsr-service", "dsr-executor"))
                .get("/dsr/v1/subjects/" + person.subjectId()).then().statusCode(200)
                .body("records.interactions", empty());
    }

    @Test
    void restrictionIsSetInEveryParticipantAndTheRecipientsAreNotified() {
        Person person = person(1);
        String id = fileAndVerify("RESTRICTION", person);
        awaitStatus(id, "COMPLETED", DONE_WITHIN)
                .body("outcome", equalTo("FULFILLED"))
                .body("answer.restrictedIn", hasItems(Peers.CONSENT, Peers.INGESTION, Peers.AUDIT))
                .body("answer.recipientsNotified.recipient", hasItems(SOCIAL_RECIPIENT, NEWSLETTER_RECIPIENT));
        at(Peers.CONSENT, dpo()).get("/api/v1/subjects/" + person.subjectId()).then().statusCode(200)
                .body("restricted", equalTo(true));
    }

    @Test
    void anObjectionIsRecordedPerPurposeWithdrawsMarketingAndRestrictsNothing() {
        Person person = person(0);
        String id = fileAndVerify("OBJECTION", person);
        awaitStatus(id, "COMPLETED", DONE_WITHIN)
                .body("answer.withdrawnPurposes", hasItem(NEWSLETTER))
                .body("answer.objectedPurposes", hasItem(NEWSLETTER))
                .body("answer.restrictedIn", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(), org.hamcrest.Matchers.empty()));
        // Issue 20, Art. 21: never a blanket restriction; contract-based processing goes on.
        at(Peers.CONSENT, dpo()).get("/api/v1/subjects/" + person.subjectId()).then().statusCode(200)
                .body("restricted", equalTo(false));
        at(Peers.CONSENT, dpo()).get("/api/v1/subjects/" + person.subjectId() + "/objections").then().statusCode(200)
                .body("purpose", hasItem(NEWSLETTER));
        List<Map<String, Object>> consents = at(Peers.CONSENT, dpo()).get("/api/v1/subjects/" + person.subjectId() + "/consents")
                .then().statusCode(200).extract().path("items");
        assertThat(consents).anyMatch(c -> NEWSLETTER.equals(c.get("purpose")) && "WITHDRAWN".equals(c.get("state")));
    }

    @Test
    void rectificationPushesTheCorrectedValuesToEveryParticipant() {
        Person person = person(0);
        String corrected = email();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "RECTIFICATION");
        body.put("identifiers", byEmail(person.email()));
        body.put("rectification", Map.of("identifiers", byEmail(corrected)));
        String id = as(operator()).body(body).post(REQUESTS).then().statusCode(201)
                .body("rectification.identifiers[0].value", equalTo(corrected)).extract().path("id");
        attest(id);
        awaitStatus(id, "COMPLETED", DONE_WITHIN)
                .body("answer.rectified.find { it.system == 'consent-service' }.fields", hasItem("identifiers.email"))
                .body("answer.recipientsNotified.recipient", hasItem(NEWSLETTER_RECIPIENT));
        List<String> values = at(Peers.CONSENT, dpo()).get("/api/v1/subjects/" + person.subjectId()).then().statusCode(200)
                .extract().path("identifiers.value");
        assertThat(values).contains(corrected).doesNotContain(person.email());
    }

    @Test
    void everyParticipantOutcomeIsAuditedInAuditService() {
        Person person = person(0);
        String id = fileAndVerify("RESTRICTION", person);
        awaitStatus(id, "COMPLETED", DONE_WITHIN);
        PeerFixtures.await("dsr-service's events in audit-service", Duration.ofSeconds(30), () -> {
            String history = at(Peers.AUDIT, dpo()).get("/api/v1/events?size=500&subjectRef=" + person.subjectId())
                    .then().statusCode(200).extract().asString();
            return history.contains("dsr.task.done") && history.contains("dsr.request.completed")
                    && history.contains("dsr.recipient.notified");
        });
    }
}

package io.privacygate.dsr.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.dsr.service.MetricsService;
import io.privacygate.dsr.service.OperatorMailService;
import io.privacygate.dsr.service.deadlines.OverdueService;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.privacygate.dsr.rest.Fixtures.fileFor;
import static io.privacygate.dsr.rest.Fixtures.fileReceivedAt;
import static io.privacygate.dsr.rest.Fixtures.email;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** What operators rely on beside the API: overdue warnings, notifications, metrics, health and the OpenAPI document. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OperationsTest {
    private static final String OPERATORS = "dpo@privacy-gate.test";

    @Inject
    AgroalDataSource db;

    @Inject
    OverdueService overdue;

    @Inject
    OperatorMailService mails;

    @Inject
    MetricsService metrics;

    @Inject
    MockMailbox mailbox;

    @Test
    void anOverdueRequestIsAuditedAndNotifiedOnce() throws Throwable {
        String id = fileReceivedAt("ERASURE", Instant.now().minus(40, ChronoUnit.DAYS));
        VertxContextSupport.subscribeAndAwait(() -> overdue.markOverdue(Instant.now()));
        VertxContextSupport.subscribeAndAwait(() -> overdue.markOverdue(Instant.now()));
        assertThat(Db.count(db, "select count(*) from outbox_message where destination = 'audit' "
                + "and payload like '%dsr.request.overdue%' and payload like ?", "%" + id + "%")).isEqualTo(1);
        assertThat(Db.count(db, "select count(*) from outbox_message where destination = 'dsr-notifications' "
                + "and payload like '%OVERDUE%' and payload like ?", "%" + id + "%")).isEqualTo(1);
        sendAllDue();
        List<Mail> sent = mailbox.getMailsSentTo(OPERATORS);
        assertThat(sent).anyMatch(mail -> mail.getSubject().contains(id) && mail.getSubject().contains("OVERDUE"));
    }

    @Test
    void everyStatusChangeNotifiesOperatorsWithoutPersonalData() throws Throwable {
        String address = email();
        String id = fileFor("ACCESS", address);
        Fixtures.attest(id).statusCode(200);
        List<String> notifications = Db.rows(db, "select payload from outbox_message where destination = 'dsr-notifications' "
                + "and payload like ?", "%" + id + "%").stream().map(r -> (String) r.get("payload")).toList();
        assertThat(notifications).anyMatch(p -> p.contains("\"status\":\"RECEIVED\""))
                .anyMatch(p -> p.contains("\"status\":\"VERIFIED\""))
                .noneMatch(p -> p.contains(address) || p.contains("Passport"));
        sendAllDue();
        assertThat(mailbox.getMailsSentTo(OPERATORS)).anyMatch(m -> m.getSubject().contains(id)
                && m.getText().contains("Status: VERIFIED") && !m.getText().contains(address));
    }

    /** A round sends the 50 oldest due mails; earlier tests leave more than that waiting. */
    private void sendAllDue() throws Throwable {
        for (int round = 0; round < 100; round++) {
            if (VertxContextSupport.subscribeAndAwait(() -> mails.sendDue(Instant.now())) == 0) {
                return;
            }
        }
    }

    @Test
    void everyTransitionIsAudited() {
        String id = fileFor("ACCESS", email());
        Fixtures.attest(id).statusCode(200);
        List<String> actions = Db.rows(db, "select payload from outbox_message where destination = 'audit' and payload like ?",
                "%" + id + "%").stream().map(r -> (String) r.get("payload")).toList();
        assertThat(actions).anyMatch(p -> p.contains("\"action\":\"dsr.request.received\""))
                .anyMatch(p -> p.contains("\"action\":\"dsr.request.verified\"") && p.contains("\"from\":\"RECEIVED\""));
    }

    /** Due in about a day: inside privacy-gate.dsr.near-deadline (P3D), not yet overdue. */
    @Test
    void aRequestDueWithinTheNearDeadlineSpanRaisesItsGauge() throws Throwable {
        String gauge = "privacygate_dsr_requests_near_deadline";
        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh(Instant.now()));
        double before = scraped(gauge);

        fileReceivedAt("ERASURE", ZonedDateTime.now(ZoneOffset.UTC).minusMonths(1).plusDays(1).toInstant());
        fileReceivedAt("ACCESS", Instant.now());
        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh(Instant.now()));

        assertThat(scraped(gauge)).isEqualTo(before + 1);
    }

    /** Issue 21: an open erasure past a platform's own deadline (X: 24 hours) is measured beside Art. 12(3)'s. */
    @Test
    void anOpenRequestPastItsPlatformDeadlineRaisesItsGauge() throws Throwable {
        String gauge = "privacygate_dsr_requests_platform_overdue";
        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh(Instant.now()));
        double before = scraped(gauge);

        String id = fileFor("ERASURE", email());
        Db.execute(db, "update dsr_request set platform_due_at = now() - interval '1 hour' where id = ?::uuid", id);
        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh(Instant.now()));

        assertThat(scraped(gauge)).isEqualTo(before + 1);
    }

    @Test
    void aFailedTaskRaisesTheFailedTasksGaugeUntilItIsRetried() throws Throwable {
        String gauge = "privacygate_dsr_tasks_failed";
        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh(Instant.now()));
        double before = scraped(gauge);

        String id = fileFor("ERASURE", email());
        UUID task = UUID.randomUUID();
        Db.execute(db, "insert into dsr_task (id, request_id, step, participant, status, next_attempt_at, created_at) "
                + "values (?, ?::uuid, 'ERASE', 'metrics-probe', 'FAILED', now(), now())", task, id);
        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh(Instant.now()));
        assertThat(scraped(gauge)).isEqualTo(before + 1);

        Db.execute(db, "update dsr_task set status = 'CANCELLED' where id = ?", task);
        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh(Instant.now()));
        assertThat(scraped(gauge)).isEqualTo(before);
    }

    private static double scraped(String series) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElseThrow();
    }

    @Test
    void publishesOpenOverdueAndDaysToCompletion() throws Throwable {
        fileReceivedAt("ACCESS", Instant.now().minus(40, ChronoUnit.DAYS));
        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh(Instant.now()));
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).contains("dsr_requests_open ").contains("dsr_requests_overdue ")
                .contains("dsr_requests_days_to_completion_days");
        assertThat(scrape.lines().filter(l -> l.startsWith("dsr_requests_overdue ")).findFirst().orElseThrow())
                .doesNotEndWith(" 0.0");
    }

    @Test
    void healthAndTheOpenApiDocumentNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("database", "key-provider"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/requests/{id}/verification"));
    }
}

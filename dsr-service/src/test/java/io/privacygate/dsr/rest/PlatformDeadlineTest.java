package io.privacygate.dsr.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.dsr.model.Outcome;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.repository.DsrRequestRepository;
import io.privacygate.dsr.service.Transitions;
import io.privacygate.dsr.service.deadlines.PlatformDeadlineWatch;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.dsr.rest.Fixtures.REQUESTS;
import static io.privacygate.dsr.rest.Fixtures.as;
import static io.privacygate.dsr.rest.Fixtures.facebook;
import static io.privacygate.dsr.rest.Fixtures.get;
import static io.privacygate.dsr.rest.Fixtures.intake;
import static io.privacygate.dsr.rest.Fixtures.platformUserId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 21, point 2: an erasure opened by a platform's signal carries the platform's deadline beside Art. 12(3)'s
 * (X Developer Agreement: 24 hours, {@code privacy-gate.dsr.platform-deadlines.x-compliance}), and the deadline job
 * audits, once each, that it is near ({@code platform-deadline-warning}, 4 hours) and that it was missed.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PlatformDeadlineTest {

    @Inject
    AgroalDataSource db;

    @Inject
    PlatformDeadlineWatch watch;

    @Inject
    DsrRequestRepository requests;

    @Inject
    Transitions transitions;

    /** ingestion-service files an erasure for an X user's compliance event, received at the given time. */
    static String xErasure(Instant receivedAt) {
        return as(intake()).body(Map.of("type", "ERASURE", "identifiers", java.util.List.of(Map.of("type", "x",
                        "value", platformUserId())), "channel", "x-compliance", "receivedAt", receivedAt.toString()))
                .post(REQUESTS).then().statusCode(201).extract().path("id");
    }

    /** dsr-service measures the platform's deadline: each completed request counts as having met it or not. */
    @Nested
    class TheMeasure {
        private static final String MET = "privacygate_dsr_platform_deadline_total{outcome=\"met\"}";
        private static final String MISSED = "privacygate_dsr_platform_deadline_total{outcome=\"missed\"}";

        @Test
        void aCompletedPlatformErasureCountsAsMetOrMissed() throws Throwable {
            String inTime = xErasure(Instant.now().minus(1, ChronoUnit.HOURS));
            String late = xErasure(Instant.now().minus(25, ChronoUnit.HOURS));
            double met = scraped(MET);
            double missed = scraped(MISSED);

            complete(inTime);
            complete(late);

            assertThat(scraped(MET)).isEqualTo(met + 1);
            assertThat(scraped(MISSED)).isEqualTo(missed + 1);
        }

        private void complete(String id) throws Throwable {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> requests.findById(UUID.fromString(id))
                    .chain(request -> transitions.close(request, RequestStatus.COMPLETED, Outcome.FULFILLED, "system:test"))));
        }

        /** A series' value on /q/metrics; 0 before it was first counted. */
        private static double scraped(String series) {
            return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                    .filter(line -> line.startsWith(series + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                    .findFirst().orElse(0);
        }
    }

    @Nested
    class TheRequestView {
        @Test
        void anXComplianceErasureIsDueTwentyFourHoursAfterReceipt() {
            Instant received = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            String id = xErasure(received);
            String platformDueAt = get(id).body("dueAt", org.hamcrest.Matchers.notNullValue())
                    .extract().path("platformDueAt");
            assertThat(Instant.parse(platformDueAt)).isEqualTo(received.plus(Duration.ofHours(24)));
            assertThat(Db.count(db, "select count(*) from dsr_request where id = ?::uuid and platform_due_at = ?",
                    id, java.sql.Timestamp.from(received.plus(Duration.ofHours(24))))).isEqualTo(1);
        }

        @Test
        void aRequestFromAChannelWithoutAPlatformDeadlineHasNone() {
            String id = Fixtures.fileFor("ERASURE", Fixtures.email());
            get(id).body("platformDueAt", nullValue()).body("platformDeadlineMissed", equalTo(false));
            String meta = as(intake()).body(Map.of("type", "ERASURE", "identifiers", facebook(platformUserId()),
                    "channel", "meta-data-deletion")).post(REQUESTS).then().statusCode(201).extract().path("id");
            get(meta).body("platformDueAt", nullValue());
        }

        @Test
        void aMissedPlatformDeadlineIsShownOnAnOpenRequest() {
            String id = xErasure(Instant.now().minus(30, ChronoUnit.HOURS));
            get(id).body("platformDeadlineMissed", equalTo(true)).body("overdue", equalTo(false));
        }
    }

    @Nested
    class TheDeadlineJob {
        @Test
        void auditsANearPlatformDeadlineOnce() throws Throwable {
            String near = xErasure(Instant.now().minus(21, ChronoUnit.HOURS));
            String far = xErasure(Instant.now());
            runTwice();
            assertThat(events("dsr.platform-deadline.near", near)).isEqualTo(1);
            assertThat(events("dsr.platform-deadline.missed", near)).isZero();
            assertThat(events("dsr.platform-deadline.near", far)).isZero();
            String payload = (String) Db.rows(db, "select payload from outbox_message where destination = 'audit' "
                    + "and payload like '%dsr.platform-deadline.near%' and payload like ?", "%" + near + "%")
                    .getFirst().get("payload");
            assertThat(payload).contains("\"channel\":\"x-compliance\"").contains("\"platformDueAt\"")
                    .contains("\"requestId\":\"" + near + "\"");
        }

        @Test
        void auditsAMissedPlatformDeadlineOnceAndNotAsNear() throws Throwable {
            String missed = xErasure(Instant.now().minus(25, ChronoUnit.HOURS));
            runTwice();
            assertThat(events("dsr.platform-deadline.missed", missed)).isEqualTo(1);
            assertThat(events("dsr.platform-deadline.near", missed)).isZero();
        }

        @Test
        void aClosedRequestIsNotWarnedAbout() throws Throwable {
            String closed = xErasure(Instant.now().minus(25, ChronoUnit.HOURS));
            Db.execute(db, "update dsr_request set status = 'COMPLETED', outcome = 'FULFILLED', closed_at = now() "
                    + "where id = ?::uuid", closed);
            runTwice();
            assertThat(events("dsr.platform-deadline.missed", closed)).isZero();
        }

        private void runTwice() throws Throwable {
            VertxContextSupport.subscribeAndAwait(() -> watch.mark(Instant.now()));
            VertxContextSupport.subscribeAndAwait(() -> watch.mark(Instant.now()));
        }

        private long events(String action, String requestId) {
            return Db.count(db, "select count(*) from outbox_message where destination = 'audit' and payload like ? "
                    + "and payload like ?", "%\"action\":\"" + action + "\"%", "%" + requestId + "%");
        }
    }
}

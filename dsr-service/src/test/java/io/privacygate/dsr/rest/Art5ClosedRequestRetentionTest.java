package io.privacygate.dsr.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.dsr.service.RetentionService;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.dsr.rest.Fixtures.REQUESTS;
import static io.privacygate.dsr.rest.Fixtures.as;
import static io.privacygate.dsr.rest.Fixtures.email;
import static io.privacygate.dsr.rest.Fixtures.fileFor;
import static io.privacygate.dsr.rest.Fixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

/**
 * Art. 5(1)(e) and 5(2): a closed request is kept for privacy-gate.dsr.retention.closed-requests (3 years), as the
 * evidence of its answer, then deleted with everything hanging off it; only the audit trail remains. A request still
 * open, and a restriction still in force, are kept whatever their age.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class Art5ClosedRequestRetentionTest {
    /** Every table of dsr-service that holds a row per request, by the column naming the request. */
    private static final Map<String, String> PER_REQUEST = Map.of("dsr_request", "id", "dsr_request_identifier", "request_id",
            "dsr_task", "request_id", "dsr_export", "request_id", "dsr_recipient_notification", "request_id",
            "dsr_verification_code", "request_id", "subject_key", "subject_id");

    @Inject
    AgroalDataSource db;

    @Inject
    RetentionService retention;

    String refused(String address) {
        String id = fileFor("ACCESS", address);
        as(operator()).body(Map.of("reason", "Manifestly unfounded")).post(REQUESTS + "/" + id + "/rejection")
                .then().statusCode(200);
        return id;
    }

    void closedAgo(String id, String interval) {
        Db.update(db, "update dsr_request set received_at = now() - interval '" + interval + "' - interval '40 days', "
                + "closed_at = now() - interval '" + interval + "' where id = ?", Db.uuid(id));
    }

    /** A completed restriction, as the worker would have recorded it: its RESTRICT step done at consent-service. */
    String restriction(String interval) {
        String id = fileFor("RESTRICTION", email());
        Db.update(db, "update dsr_request set status = 'COMPLETED', outcome = 'FULFILLED', subject_id = ?, "
                + "subject_resolution = 'FOUND', closed_at = now() - interval '" + interval + "' where id = ?",
                UUID.randomUUID(), Db.uuid(id));
        Db.update(db, "insert into dsr_task (id, request_id, step, participant, status, attempts, next_attempt_at, "
                + "result, completed_at, created_at) values (?, ?, 'RESTRICT', 'consent-service', 'DONE', 1, now(), '{}', "
                + "now() - interval '" + interval + "', now() - interval '" + interval + "')", UUID.randomUUID(), Db.uuid(id));
        return id;
    }

    /** What the answer left beside the request: an export package and an Art. 19 record. */
    void answered(String id) {
        Db.update(db, "insert into dsr_export (request_id, content_encrypted, content_key_encrypted, sha256, size_bytes, "
                + "created_at, expires_at) values (?, '\\x00', 'k', 'h', 1, now(), now())", Db.uuid(id));
        Db.update(db, "insert into dsr_recipient_notification (id, request_id, recipient, purposes, notified_at) "
                + "values (?, ?, 'CRM Hosting GmbH', 'social-engagement', now())", UUID.randomUUID(), Db.uuid(id));
    }

    long rowsAbout(String id) {
        return PER_REQUEST.entrySet().stream().mapToLong(table -> Db.count(db,
                "select count(*) from " + table.getKey() + " where " + table.getValue() + " = ?", Db.uuid(id))).sum();
    }

    long deletionAudits(String id) {
        return Db.count(db, "select count(*) from outbox_message where destination = 'audit' "
                + "and payload like '%dsr.request.deleted%' and payload like ?", "%" + id + "%");
    }

    void runRetention() throws Throwable {
        while (VertxContextSupport.subscribeAndAwait(() -> retention.deleteExpired(java.time.Instant.now())) > 0) {
            // one batch per call: run until nothing is left past its retention
        }
    }

    @Test
    void aRequestClosedLongerThanThreeYearsIsDeletedWithAllItHeldAndOnlyTheAuditTrailRemains() throws Throwable {
        String address = email();
        String expired = refused(address);
        answered(expired);
        closedAgo(expired, "3 years 1 day");
        assertThat(rowsAbout(expired)).as("request, identifier, task, package, Art. 19 record, key").isGreaterThanOrEqualTo(6);

        runRetention();

        assertThat(rowsAbout(expired)).isZero();
        assertThat(deletionAudits(expired)).isOne();
        as(operator()).get(REQUESTS + "/" + expired).then().statusCode(404);
        as(operator()).body(Map.of("identifiers", List.of(Map.of("type", "email", "value", address))))
                .post(REQUESTS + "/search").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aRequestClosedLessThanThreeYearsAgoOrStillOpenIsKept() throws Throwable {
        String recent = refused(email());
        closedAgo(recent, "3 years - 1 day");
        String open = fileFor("ERASURE", email());
        Db.update(db, "update dsr_request set received_at = now() - interval '5 years', created_at = now() - interval '5 years' "
                + "where id = ?", Db.uuid(open));

        runRetention();

        as(operator()).get(REQUESTS + "/" + recent).then().statusCode(200);
        as(operator()).get(REQUESTS + "/" + open).then().statusCode(200);
        assertThat(deletionAudits(recent) + deletionAudits(open)).isZero();
        assertThat(Db.count(db, "select count(*) from subject_key where subject_id in (?, ?)", Db.uuid(recent),
                Db.uuid(open))).isEqualTo(2);
    }

    @Test
    void aRestrictionInForceIsKeptAndItsRetentionRunsFromTheEndOfItsLift() throws Throwable {
        String inForce = restriction("4 years");

        runRetention();
        as(operator()).get(REQUESTS + "/" + inForce).then().statusCode(200);

        Db.update(db, "update dsr_request set lift_announced_at = now() - interval '3 years 2 days', "
                + "lifted_at = now() - interval '3 years 2 days', lift_completed_at = now() - interval '3 years 1 day' "
                + "where id = ?", Db.uuid(inForce));
        runRetention();
        assertThat(rowsAbout(inForce)).isZero();
        assertThat(deletionAudits(inForce)).isOne();
    }
}

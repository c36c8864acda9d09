package io.privacygate.dsr.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.dsr.service.ClosingService;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.dsr.rest.Fixtures.REQUESTS;
import static io.privacygate.dsr.rest.Fixtures.anonymous;
import static io.privacygate.dsr.rest.Fixtures.as;
import static io.privacygate.dsr.rest.Fixtures.attest;
import static io.privacygate.dsr.rest.Fixtures.auditor;
import static io.privacygate.dsr.rest.Fixtures.dpo;
import static io.privacygate.dsr.rest.Fixtures.email;
import static io.privacygate.dsr.rest.Fixtures.expired;
import static io.privacygate.dsr.rest.Fixtures.fileFor;
import static io.privacygate.dsr.rest.Fixtures.intake;
import static io.privacygate.dsr.rest.Fixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Requests that end without being carried out: refused, or never verified; and failed tasks sent back. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ClosingTest {
    private static final Map<String, Object> REASON = Map.of("reason", "Manifestly unfounded: the fifth identical request this week");

    @Inject
    AgroalDataSource db;

    @Inject
    ClosingService closing;

    static String rejection(String id) {
        return REQUESTS + "/" + id + "/rejection";
    }

    static String retry(String id) {
        return REQUESTS + "/" + id + "/retry";
    }

    @Nested
    class WithoutToken {
        @Test
        void isRejected() {
            String id = fileFor("ACCESS", email());
            anonymous().body(REASON).post(rejection(id)).then().statusCode(401);
            anonymous().post(retry(id)).then().statusCode(401);
            as(expired()).body(REASON).post(rejection(id)).then().statusCode(401);
            as(expired()).post(retry(id)).then().statusCode(401);
        }
    }

    @Nested
    class AsAuditorOrService {
        @Test
        void isForbidden() {
            String id = fileFor("ACCESS", email());
            for (String token : List.of(auditor(), intake())) {
                as(token).body(REASON).post(rejection(id)).then().statusCode(403);
                as(token).post(retry(id)).then().statusCode(403);
            }
        }
    }

    @Nested
    class AsOperator {
        @Test
        void refusesARequestWithItsReasonAndCancelsItsTasks() {
            String id = fileFor("ACCESS", email());
            as(operator()).body(REASON).post(rejection(id)).then().statusCode(200)
                    .body("status", equalTo("REJECTED"))
                    .body("outcome", equalTo("REFUSED"))
                    .body("closing.reason", containsString("Manifestly unfounded"))
                    .body("answer.summary", containsString("lodge a complaint"))
                    .body("tasks.status", everyItem(equalTo("CANCELLED")));
            as(operator()).body(REASON).post(rejection(id)).then().statusCode(409);
        }

        @Test
        void cannotRefuseARequestAlreadyInProgress() {
            String id = fileFor("ERASURE", email());
            Db.resolve(db, id, UUID.randomUUID());
            attest(id).statusCode(200);
            Db.update(db, "update dsr_request set status = 'IN_PROGRESS' where id = ?", Db.uuid(id));
            as(operator()).body(REASON).post(rejection(id)).then().statusCode(409)
                    .body("detail", containsString("IN_PROGRESS"));
        }

        @Test
        void needsAReason() {
            String id = fileFor("ACCESS", email());
            as(operator()).body(Map.of()).post(rejection(id)).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        }

        @Test
        void sendsFailedTasksBackToTheWorker() {
            String id = fileFor("ERASURE", email());
            as(operator()).post(retry(id)).then().statusCode(409).body("detail", containsString("no failed task"));
            Db.failTasks(db, id, "HTTP 403");
            as(operator()).post(retry(id)).then().statusCode(200);
            assertThat(Db.count(db, "select count(*) from dsr_task where request_id = ? and status = 'FAILED'", Db.uuid(id)))
                    .isZero();
        }
    }

    @Nested
    class Unverified {
        @Test
        void isClosedAfterTheConfiguredTimeAndLeavesTheDefaultList() throws Throwable {
            String stale = fileFor("ACCESS", email());
            String fresh = fileFor("ACCESS", email());
            Db.update(db, "update dsr_request set created_at = now() - interval '15 days' where id = ?", Db.uuid(stale));
            int closed = VertxContextSupport.subscribeAndAwait(() -> closing.closeUnverified(Instant.now()));
            assertThat(closed).isPositive();
            Fixtures.get(stale).body("status", equalTo("REJECTED")).body("outcome", equalTo("CLOSED_UNVERIFIED"));
            Fixtures.get(fresh).body("status", equalTo("RECEIVED"));
            as(dpo()).get(REQUESTS + "?size=500").then().statusCode(200)
                    .body("items.id", not(hasItem(stale)))
                    .body("items.id", hasItem(fresh));
            as(dpo()).get(REQUESTS + "?includeClosedUnverified=true&size=500").then().statusCode(200)
                    .body("items.id", hasItem(stale));
            as(dpo()).get(REQUESTS + "?status=REJECTED&size=500").then().statusCode(200)
                    .body("items.id", hasItem(stale));
        }
    }
}

package io.privacygate.dsr.rest;

import io.privacygate.dsr.service.deadlines.Deadlines;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.privacygate.dsr.rest.Fixtures.REQUESTS;
import static io.privacygate.dsr.rest.Fixtures.anonymous;
import static io.privacygate.dsr.rest.Fixtures.as;
import static io.privacygate.dsr.rest.Fixtures.auditor;
import static io.privacygate.dsr.rest.Fixtures.dpo;
import static io.privacygate.dsr.rest.Fixtures.email;
import static io.privacygate.dsr.rest.Fixtures.expired;
import static io.privacygate.dsr.rest.Fixtures.fileFor;
import static io.privacygate.dsr.rest.Fixtures.fileReceivedAt;
import static io.privacygate.dsr.rest.Fixtures.intake;
import static io.privacygate.dsr.rest.Fixtures.operator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ExtensionTest {
    private static final Map<String, Object> BECAUSE = Map.of("reason", "Records in four systems and a paper archive");

    static String path(String id) {
        return REQUESTS + "/" + id + "/extension";
    }

    /** Received recently enough that the first deadline is still ahead, at a fixed day of the month. */
    static Instant recentReceipt() {
        return Instant.now().minus(3, ChronoUnit.DAYS);
    }

    @Nested
    class WithoutToken {
        @Test
        void isRejected() {
            String id = fileFor("ACCESS", email());
            anonymous().body(BECAUSE).post(path(id)).then().statusCode(401);
            as(expired()).body(BECAUSE).post(path(id)).then().statusCode(401);
        }
    }

    @Nested
    class AsOperatorAuditorOrService {
        @Test
        void isForbidden() {
            String id = fileFor("ACCESS", email());
            for (String token : List.of(operator(), auditor(), intake())) {
                as(token).body(BECAUSE).post(path(id)).then().statusCode(403);
            }
        }
    }

    @Nested
    class AsDpo {
        @Test
        void extendsByTwoMoreMonthsCountedFromReceiptAndSaysWhy() {
            Instant received = recentReceipt();
            String id = fileReceivedAt("ACCESS", received);
            String expected = Deadlines.extendedDueAt(received, 2, ZoneOffset.UTC).toString();
            as(dpo()).body(BECAUSE).post(path(id)).then().statusCode(200)
                    .body("extended", equalTo(true))
                    .body("dueAt", equalTo(expected))
                    .body("originalDueAt", equalTo(Deadlines.dueAt(received,
                            ZoneOffset.UTC).toString()))
                    .body("extension.reason", equalTo("Records in four systems and a paper archive"))
                    .body("extension.extendedBy", notNullValue());
        }

        @Test
        void extendsByOneMonthWhenThatIsEnough() {
            Instant received = recentReceipt();
            String id = fileReceivedAt("ACCESS", received);
            as(dpo()).body(Map.of("reason", "Many requests this month", "months", 1)).post(path(id)).then().statusCode(200)
                    .body("dueAt", equalTo(Deadlines.extendedDueAt(received, 1,
                            ZoneOffset.UTC).toString()));
        }

        @Test
        void extendsOnlyOnce() {
            String id = fileFor("ACCESS", email());
            as(dpo()).body(Map.of("reason", "Complex", "months", 1)).post(path(id)).then().statusCode(200);
            as(dpo()).body(Map.of("reason", "Still complex", "months", 1)).post(path(id)).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("already extended once"));
        }

        @Test
        void cannotExtendAfterTheFirstDeadline() {
            String id = fileReceivedAt("ACCESS", Instant.now().minus(40, ChronoUnit.DAYS));
            as(dpo()).body(BECAUSE).post(path(id)).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("first deadline has passed"));
            Fixtures.get(id).body("extended", equalTo(false));
        }

        @Test
        void needsAReasonAndAtMostTwoMonths() {
            String id = fileFor("ACCESS", email());
            as(dpo()).body(Map.of("months", 2)).post(path(id)).then().statusCode(400)
                    .body("errors[0].field", equalTo("reason"));
            as(dpo()).body(Map.of("reason", "Complex", "months", 3)).post(path(id)).then().statusCode(400)
                    .body("errors[0].field", equalTo("months"));
            Fixtures.get(id).body("extended", equalTo(false));
        }

        @Test
        void cannotExtendAClosedRequest() {
            String id = fileFor("ACCESS", email());
            as(operator()).body(Map.of("reason", "Manifestly unfounded")).post(REQUESTS + "/" + id + "/rejection")
                    .then().statusCode(200);
            as(dpo()).body(BECAUSE).post(path(id)).then().statusCode(409);
        }
    }
}

package io.privacygate.dsr.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.privacygate.dsr.rest.Fixtures.REQUESTS;
import static io.privacygate.dsr.rest.Fixtures.anonymous;
import static io.privacygate.dsr.rest.Fixtures.as;
import static io.privacygate.dsr.rest.Fixtures.auditor;
import static io.privacygate.dsr.rest.Fixtures.crmAgent;
import static io.privacygate.dsr.rest.Fixtures.dpo;
import static io.privacygate.dsr.rest.Fixtures.email;
import static io.privacygate.dsr.rest.Fixtures.executor;
import static io.privacygate.dsr.rest.Fixtures.expired;
import static io.privacygate.dsr.rest.Fixtures.fileFor;
import static io.privacygate.dsr.rest.Fixtures.fileReceivedAt;
import static io.privacygate.dsr.rest.Fixtures.identifiers;
import static io.privacygate.dsr.rest.Fixtures.intake;
import static io.privacygate.dsr.rest.Fixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RequestQueryTest {
    private static final String UNKNOWN = REQUESTS + "/7d3c0a3e-0000-4000-8000-000000000000";

    @Inject
    AgroalDataSource db;

    @Nested
    class WithoutToken {
        @Test
        void everyReadIsRejected() {
            anonymous().get(REQUESTS).then().statusCode(401);
            anonymous().get(UNKNOWN).then().statusCode(401);
            anonymous().body(Map.of("identifiers", identifiers(email()))).post(REQUESTS + "/search").then().statusCode(401);
            as(expired()).get(REQUESTS).then().statusCode(401);
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void isForbidden() {
            as(auditor()).get(REQUESTS).then().statusCode(403);
            as(auditor()).get(UNKNOWN).then().statusCode(403);
            as(auditor()).body(Map.of("identifiers", identifiers(email()))).post(REQUESTS + "/search").then().statusCode(403);
        }
    }

    @Nested
    class AsCrmAgentOrParticipant {
        @Test
        void isForbidden() {
            as(crmAgent()).get(REQUESTS).then().statusCode(403);
            as(executor()).get(UNKNOWN).then().statusCode(403);
        }
    }

    @Nested
    class AsIntakeService {
        @Test
        void readsTheStateOfTheRequestsItFiledButNeitherListsNorSearches() {
            String id = as(intake()).body(Fixtures.request("ERASURE", Fixtures.facebook(Fixtures.platformUserId())))
                    .post(REQUESTS).then()
                    .statusCode(201).extract().path("id");
            as(intake()).get(REQUESTS + "/" + id).then().statusCode(200)
                    .body("status", equalTo("RECEIVED"))
                    .body("identifiers", nullValue())
                    .body("details", nullValue());
            as(intake()).get(REQUESTS + "/" + fileFor("ERASURE", email())).then().statusCode(404);
            as(TestTokens.service("consent-service", "dsr-intake")).get(REQUESTS + "/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            as(intake()).get(REQUESTS).then().statusCode(403);
            as(intake()).body(Map.of("identifiers", identifiers(email()))).post(REQUESTS + "/search").then().statusCode(403);
        }
    }

    @Nested
    class AsOperator {
        @Test
        void seesTheIdentifiersOnTheRequestItselfAndThatAccessIsAudited() {
            String address = email();
            String id = fileFor("ACCESS", address);
            as(operator()).get(REQUESTS + "/" + id).then().statusCode(200)
                    .body("identifiers[0].value", equalTo(address))
                    .body("tasks.step", hasItem("RESOLVE"));
            assertThat(Db.count(db, "select count(*) from outbox_message where destination = 'audit' "
                    + "and payload like '%dsr.request.disclosed%' and payload like ?", "%" + id + "%")).isEqualTo(1);
        }

        @Test
        void listsRequestsWithoutIdentifiersOrFreeText() {
            String address = email();
            fileFor("ACCESS", address);
            String body = as(operator()).get(REQUESTS + "?size=500").then().statusCode(200)
                    .body("items", not(empty()))
                    .body("items.identifiers", everyItem(nullValue()))
                    .body("items.details", everyItem(nullValue()))
                    .extract().asString();
            assertThat(body).doesNotContain(address).doesNotContain("ref 42");
        }

        @Test
        void filtersByStatusTypeAndDeadline() {
            String erasure = fileFor("ERASURE", email());
            String access = fileReceivedAt("ACCESS", Instant.parse("2026-01-31T09:00:00Z"));
            as(operator()).get(REQUESTS + "?type=ERASURE&status=RECEIVED&size=500").then().statusCode(200)
                    .body("items.id", hasItem(erasure))
                    .body("items.id", not(hasItem(access)))
                    .body("items.type", everyItem(equalTo("ERASURE")));
            as(operator()).get(REQUESTS + "?dueBefore=2026-03-01&size=500").then().statusCode(200)
                    .body("items.id", hasItem(access))
                    .body("items.id", not(hasItem(erasure)));
            as(operator()).get(REQUESTS + "?dueBefore=2026-03-01T00:00:00Z&size=500").then().statusCode(200)
                    .body("items.id", hasItem(access));
        }

        @Test
        void listsTheOverdueOnes() {
            String late = fileReceivedAt("ACCESS", Instant.now().minus(40, ChronoUnit.DAYS));
            String onTime = fileFor("ACCESS", email());
            as(operator()).get(REQUESTS + "?overdue=true&size=500").then().statusCode(200)
                    .body("items.id", hasItem(late))
                    .body("items.id", not(hasItem(onTime)))
                    .body("items.overdue", everyItem(equalTo(true)));
            get(late).body("overdue", equalTo(true));
        }

        @Test
        void pagesTheList() {
            fileFor("ACCESS", email());
            fileFor("ACCESS", email());
            as(operator()).get(REQUESTS + "?page=0&size=1").then().statusCode(200)
                    .body("items.size()", equalTo(1))
                    .body("size", equalTo(1))
                    .body("page", equalTo(0));
        }

        @Test
        void findsAPersonsRequestsByTheirIdentifiers() {
            String address = email();
            String first = fileFor("ACCESS", address);
            String second = fileFor("ERASURE", address.toUpperCase());
            fileFor("ACCESS", email());
            List<String> found = as(operator()).body(Map.of("identifiers", identifiers(address)))
                    .post(REQUESTS + "/search").then().statusCode(200)
                    .body("identifiers", everyItem(nullValue()))
                    .extract().path("id");
            assertThat(found).containsExactlyInAnyOrder(first, second);
        }

        @Test
        void refusesBadParametersClearly() {
            as(operator()).get(REQUESTS + "?status=DONE").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
            as(operator()).get(REQUESTS + "?dueBefore=soon").then().statusCode(400)
                    .body("errors[0].field", equalTo("dueBefore"));
            as(operator()).get(REQUESTS + "?overdue=maybe").then().statusCode(400)
                    .body("errors[0].field", equalTo("overdue"));
            as(operator()).get(REQUESTS + "?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
            as(operator()).get(REQUESTS + "/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
            as(operator()).get(UNKNOWN).then().statusCode(404).contentType("application/problem+json");
        }

        private io.restassured.response.ValidatableResponse get(String id) {
            return as(operator()).get(REQUESTS + "/" + id).then().statusCode(200);
        }
    }

    @Nested
    class AsDpo {
        @Test
        void listsRequests() {
            as(dpo()).get(REQUESTS).then().statusCode(200);
        }
    }
}

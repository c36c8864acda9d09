package io.privacygate.dsr.ui;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.privacygate.testing.LogCapture;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console's access rules, forms and headers, with sign-in through the real code flow (PKCE) against
 * the OIDC test server and a real PostgreSQL. Peers are not running here (see ConsolePeersTest for them).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleTest {
    static final List<String> REQUEST_PAGES = List.of("/console/new", "/console/subjects");

    @OidcWireMock
    WireMockServer idp;

    ConsoleBrowser as(String name, String... roles) {
        return ConsoleBrowser.signedIn(idp, name, roles);
    }

    static String email() {
        return "console." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Files a request through the API, as an operator would elsewhere; the peers being down, it stays RECEIVED. */
    static String file(String type, String email) {
        return given().auth().oauth2(TestTokens.user("privacy-operator")).contentType(ContentType.JSON)
                .body(Map.of("type", type, "identifiers", List.of(Map.of("type", "email", "value", email)),
                        "channel", "post", "details", "Letter ref " + email))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
    }

    @Nested
    class WithoutSession {
        @Test
        void everyPageRedirectsABrowserToSignInWithPkce() {
            for (String page : List.of("/console", "/console/new", "/console/request?id=" + UUID.randomUUID(),
                    "/console/subjects", "/console/purposes", "/console/audit", "/console/breaches")) {
                Response answer = ConsoleBrowser.anonymous().get(page);
                assertThat(answer.statusCode()).as(page).isEqualTo(302);
                assertThat(answer.header("Location")).as(page).contains("/auth/realms/quarkus")
                        .contains("client_id=operator-console").contains("code_challenge_method=S256");
            }
        }

        @Test
        void aFormPostIsNotTakenWithoutASession() {
            Response answer = ConsoleBrowser.anonymous().post("/console/new", null, Map.of("type", "ACCESS"));
            assertThat(answer.statusCode()).isIn(302, 400, 401);
        }

        @Test
        void theApisStayBearerOnly() {
            given().redirects().follow(false).get("/api/v1/requests").then().statusCode(401);
            given().auth().oauth2(TestTokens.user("privacy-operator")).get("/api/v1/requests").then().statusCode(200);
        }
    }

    @Nested
    class SigningOut {
        @Test
        void endsTheSessionAtTheIdentityProviderAndComesBackToTheConsole() {
            ConsoleBrowser operator = as("Oscar Operator", "privacy-operator");
            Response page = operator.get("/console");
            assertThat(page.asString()).contains("id=\"sign-out\"");
            Response out = operator.post("/console/sign-out", ConsoleBrowser.csrf(page), Map.of());
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(out.header("Location")).contains("/auth/realms/quarkus").contains("id_token_hint=")
                    .contains("post_logout_redirect_uri=").contains("%2Fconsole");
            assertThat(operator.get("/console").statusCode()).as("signed out").isEqualTo(302);
        }

        /** A page elsewhere must not be able to sign a person out (logout CSRF): the form carries its token. */
        @Test
        void theFormCarriesItsCsrfTokenAndASignOutWithoutItOrWithAnotherIsRefused() {
            ConsoleBrowser operator = as("Oscar Operator", "privacy-operator");
            String page = operator.get("/console").asString();
            assertThat(page).containsPattern("<form method=\"post\" action=\"/console/sign-out\">\\s*"
                    + "<input type=\"hidden\" name=\"csrf-token\" value=\"[^\"]+\">");
            assertThat(operator.post("/console/sign-out", null, Map.of()).statusCode()).isEqualTo(400);
            assertThat(operator.post("/console/sign-out", "A" + "x".repeat(42), Map.of()).statusCode()).isEqualTo(400);
            assertThat(operator.get("/console").statusCode()).as("still signed in").isEqualTo(200);
        }

        /** Error pages are rendered before a token exists: they link to a page whose form carries one. */
        @Test
        void someoneWhoSeesOnlyErrorPagesSignsOutThroughTheSignOutPage() {
            ConsoleBrowser agent = as("Alex Agent", "crm-agent");
            assertThat(agent.get("/console").asString()).contains("href=\"/console/sign-out\"");
            Response page = agent.get("/console/sign-out");
            assertThat(page.statusCode()).isEqualTo(200);
            Response out = agent.post("/console/sign-out", ConsoleBrowser.csrf(page), Map.of());
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(out.header("Location")).contains("id_token_hint=");
            assertThat(agent.get("/console").statusCode()).as("signed out").isEqualTo(302);
        }
    }

    @Nested
    class AsCrmAgent {
        @Test
        void isRefusedEveryPage() {
            ConsoleBrowser agent = as("Alex Agent", "crm-agent");
            for (String page : List.of("/console", "/console/new", "/console/request?id=" + UUID.randomUUID(),
                    "/console/subjects", "/console/purposes", "/console/audit", "/console/purposes/ropa.csv")) {
                Response answer = agent.get(page);
                assertThat(answer.statusCode()).as(page).isEqualTo(403);
            }
            assertThat(agent.get("/console").asString()).contains("Not for your role").contains("Alex Agent");
        }
    }

    @Nested
    class AsAuditor {
        @Test
        void startsAtTheAuditPageAndIsRefusedRequestsAndPurposes() {
            ConsoleBrowser auditor = as("Ada Auditor", "auditor");
            Response start = auditor.get("/console");
            assertThat(start.statusCode()).isEqualTo(303);
            assertThat(start.header("Location")).endsWith("/console/audit");
            for (String page : List.of("/console/new", "/console/request?id=" + UUID.randomUUID(), "/console/subjects",
                    "/console/purposes")) {
                assertThat(auditor.get(page).statusCode()).as(page).isEqualTo(403);
            }
            Response audit = auditor.get("/console/audit");
            assertThat(audit.statusCode()).as("reachable; audit-service is down here").isNotEqualTo(403);
            assertThat(audit.asString()).contains("Audit log").doesNotContain("href=\"/console/purposes\"")
                    .doesNotContain("href=\"/console/new\"");
        }
    }

    @Nested
    class AsPrivacyOperator {
        @Test
        void seesTheQueueByDeadlineWithoutIdentifiers() {
            String email = email();
            String id = file("ACCESS", email);
            ConsoleBrowser operator = as("Oscar Operator", "privacy-operator");
            // Every request filed today has the same deadline, and the other tests file many: find its page.
            Response queue = operator.get("/console?type=ACCESS");
            for (int page = 1; page < 50 && !queue.asString().contains("/console/request?id=" + id); page++) {
                queue = operator.get("/console?type=ACCESS&page=" + page);
            }
            assertThat(queue.statusCode()).isEqualTo(200);
            assertThat(queue.asString()).contains("/console/request?id=" + id).contains("Oscar Operator")
                    .contains("privacy-operator").doesNotContain(email).doesNotContain("Letter ref");
        }

        @Test
        void marksOverdueRequests() {
            String id = given().auth().oauth2(TestTokens.user("privacy-operator")).contentType(ContentType.JSON)
                    .body(Map.of("type", "ERASURE", "identifiers", List.of(Map.of("type", "email", "value", email())),
                            "receivedAt", Instant.now().minus(40, ChronoUnit.DAYS).toString()))
                    .post("/api/v1/requests").then().statusCode(201).extract().path("id");
            String queue = as("Oscar Operator", "privacy-operator").get("/console?type=ERASURE&status=RECEIVED").asString();
            int row = queue.indexOf("/console/request?id=" + id);
            assertThat(row).isPositive();
            assertThat(queue.substring(row, queue.indexOf("</tr>", row))).contains("overdue by");
        }

        /**
         * Issue 21: X's 24 hours end before the Art. 12(3) month of a request received four weeks ago, so the X
         * erasure received now comes first, with its platform deadline measured in hours.
         */
        @Test
        void sortsTheQueueByTheNearestDeadlineOfEitherKind() {
            String monthOld = given().auth().oauth2(TestTokens.user("privacy-operator")).contentType(ContentType.JSON)
                    .body(Map.of("type", "ERASURE", "identifiers", List.of(Map.of("type", "email", "value", email())),
                            "receivedAt", ZonedDateTime.now(ZoneOffset.UTC).minusMonths(1).plusDays(2).toInstant().toString()))
                    .post("/api/v1/requests").then().statusCode(201).extract().path("id");
            String fromX = given().auth().oauth2(TestTokens.service("ingestion-service", "dsr-intake"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("type", "ERASURE", "identifiers", List.of(Map.of("type", "x",
                            "value", String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L)))),
                            "channel", "x-compliance"))
                    .post("/api/v1/requests").then().statusCode(201).extract().path("id");
            ConsoleBrowser operator = as("Oscar Operator", "privacy-operator");
            List<String> order = new ArrayList<>();
            String rowOfX = null;
            for (int page = 0; page < 50 && !(order.contains(monthOld) && order.contains(fromX)); page++) {
                String queue = operator.get("/console?type=ERASURE&status=RECEIVED&page=" + page).asString();
                Matcher ids = Pattern.compile("/console/request\\?id=([0-9a-f-]{36})").matcher(queue);
                while (ids.find()) {
                    order.add(ids.group(1));
                }
                int row = queue.indexOf("/console/request?id=" + fromX);
                if (row > 0) {
                    rowOfX = queue.substring(row, queue.indexOf("</tr>", row));
                }
            }
            assertThat(order).contains(monthOld, fromX);
            assertThat(order.indexOf(fromX)).as("the platform's deadline is nearer").isLessThan(order.indexOf(monthOld));
            assertThat(rowOfX).contains("x-compliance").containsPattern("\\d+ h left");
        }

        @Test
        void isNotOfferedAndIsRefusedThePurposesAndAuditPages() {
            ConsoleBrowser operator = as("Oscar Operator", "privacy-operator");
            String queue = operator.get("/console").asString();
            assertThat(queue).doesNotContain("href=\"/console/purposes\"").doesNotContain("href=\"/console/audit\"");
            assertThat(operator.get("/console/purposes").statusCode()).isEqualTo(403);
            assertThat(operator.get("/console/purposes/ropa.csv").statusCode()).isEqualTo(403);
            assertThat(operator.get("/console/audit").statusCode()).isEqualTo(403);
        }

        /** Art. 33-34 are the DPO's (and, to read, the auditor's): neither offered nor served, even to a forged form. */
        @Test
        void isNotOfferedAndIsRefusedAlertsAndBreaches() {
            ConsoleBrowser operator = as("Oscar Operator", "privacy-operator");
            Response queue = operator.get("/console");
            assertThat(queue.asString()).doesNotContain("href=\"/console/breaches\"");
            assertThat(operator.get("/console/breaches").statusCode()).isEqualTo(403);
            assertThat(operator.post("/console/breaches/alert/acknowledgement", ConsoleBrowser.csrf(queue),
                    Map.of("alertId", UUID.randomUUID().toString())).statusCode()).isEqualTo(403);
            assertThat(operator.post("/console/breaches", ConsoleBrowser.csrf(queue), Map.of("nature", "x"))
                    .statusCode()).isEqualTo(403);
        }

        @Test
        void seesTheRequesterOnTheRequestPageButNoExtensionForm() {
            String email = email();
            String id = file("ACCESS", email);
            Response page = as("Oscar Operator", "privacy-operator").get("/console/request?id=" + id);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.asString()).contains(email).contains("Attest identity").contains("Send a code")
                    .doesNotContain("id=\"extend-form\"").contains("Only the DPO may extend");
        }

        @Test
        void isRefusedAnExtensionByTheServerEvenWithAForgedForm() {
            String id = file("ACCESS", email());
            ConsoleBrowser operator = as("Oscar Operator", "privacy-operator");
            String csrf = ConsoleBrowser.csrf(operator.get("/console/request?id=" + id));
            Response answer = operator.post("/console/request/extension", csrf, Map.of("id", id, "reason", "Busy", "months", "2"));
            assertThat(answer.statusCode()).isEqualTo(403);
            given().auth().oauth2(TestTokens.user("privacy-operator")).get("/api/v1/requests/" + id).then()
                    .statusCode(200).body("extended", org.hamcrest.Matchers.equalTo(false));
        }

        @Test
        void filesAndAttestsARequestThroughTheForms() {
            ConsoleBrowser operator = as("Oscar Operator", "privacy-operator");
            String email = email();
            Response form = operator.get("/console/new");
            String csrf = ConsoleBrowser.csrf(form);
            String key = UUID.randomUUID().toString();
            Map<String, String> fields = Map.of("type", "ERASURE", "identifierType", "email", "identifier", email,
                    "channel", "post", "details", "Please erase me", "idempotencyKey", key);
            Response filed = operator.post("/console/new", csrf, fields);
            assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(303);
            String location = filed.header("Location");
            assertThat(location).contains("/console/request?id=");
            String id = location.replaceAll(".*id=([0-9a-f-]{36}).*", "$1");
            assertThat(operator.post("/console/new", csrf, fields).header("Location"))
                    .as("the same form sent twice files one request").contains(id);

            Response page = operator.get(location.replaceFirst("^https?://[^/]+", ""));
            assertThat(page.asString()).contains("Request filed").contains(email);
            Response attested = operator.post("/console/request/verification", ConsoleBrowser.csrf(page),
                    Map.of("id", id, "method", "OPERATOR_ATTESTED", "evidence", "ID card seen at the desk"));
            assertThat(attested.statusCode()).isEqualTo(303);
            given().auth().oauth2(TestTokens.user("privacy-operator")).get("/api/v1/requests/" + id).then()
                    .statusCode(200).body("verification.method", org.hamcrest.Matchers.equalTo("OPERATOR_ATTESTED"));
            Response again = operator.post("/console/request/verification", ConsoleBrowser.csrf(page),
                    Map.of("id", id, "method", "OPERATOR_ATTESTED", "evidence", "Again"));
            assertThat(again.statusCode()).as("a refusal is shown on the request page").isEqualTo(409);
            assertThat(again.asString()).contains("role=\"alert\"");
        }

        @Test
        void sendsAndChecksAnEmailCode() {
            String id = file("ACCESS", email());
            ConsoleBrowser operator = as("Oscar Operator", "privacy-operator");
            String csrf = ConsoleBrowser.csrf(operator.get("/console/request?id=" + id));
            Response sent = operator.post("/console/request/verification", csrf, Map.of("id", id, "method", "EMAIL_CODE"));
            assertThat(sent.statusCode()).isEqualTo(303);
            Response page = operator.get("/console/request?id=" + id);
            assertThat(page.asString()).contains("A code was sent").contains("Check the code");
            Response wrong = operator.post("/console/request/verification", ConsoleBrowser.csrf(page),
                    Map.of("id", id, "method", "EMAIL_CODE", "code", "not-it"));
            assertThat(wrong.statusCode()).isEqualTo(422);
            assertThat(wrong.asString()).contains("The verification code is wrong");
        }
    }

    @Nested
    class AsDpo {
        @Test
        void extendsADeadlineWithAReason() {
            String id = file("ACCESS", email());
            ConsoleBrowser dpo = as("Dana Dpo", "dpo");
            Response page = dpo.get("/console/request?id=" + id);
            assertThat(page.asString()).contains("id=\"extend-form\"").contains("href=\"/console/purposes\"")
                    .contains("href=\"/console/audit\"");
            Response extended = dpo.post("/console/request/extension", ConsoleBrowser.csrf(page),
                    Map.of("id", id, "reason", "Records in four systems", "months", "2"));
            assertThat(extended.statusCode()).isEqualTo(303);
            given().auth().oauth2(TestTokens.user("dpo")).get("/api/v1/requests/" + id).then()
                    .statusCode(200).body("extended", org.hamcrest.Matchers.equalTo(true));
        }
    }

    @Nested
    class Csrf {
        @Test
        void aFormWithoutTheTokenOrWithAnotherIsRefused() {
            String id = file("ACCESS", email());
            ConsoleBrowser operator = as("Oscar Operator", "privacy-operator");
            operator.get("/console/request?id=" + id);
            Map<String, String> attest = Map.of("id", id, "method", "OPERATOR_ATTESTED", "evidence", "Forged");
            assertThat(operator.post("/console/request/verification", null, attest).statusCode()).isEqualTo(400);
            assertThat(operator.post("/console/request/verification", "A" + "x".repeat(42), attest).statusCode()).isEqualTo(400);
            given().auth().oauth2(TestTokens.user("privacy-operator")).get("/api/v1/requests/" + id).then()
                    .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("RECEIVED"));
        }

        @Test
        void theJsonApisNeedNoToken() {
            file("ACCESS", email());
        }
    }

    @Nested
    class Headers {
        @Test
        void pagesCarryAStrictContentSecurityPolicy() {
            ConsoleBrowser operator = as("Oscar Operator", "privacy-operator");
            for (Response answer : List.of(operator.get("/console"), ConsoleBrowser.anonymous().get("/console"),
                    operator.get("/console/assets/console.css"))) {
                assertThat(answer.header("Content-Security-Policy"))
                        .contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline");
                assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            }
            assertThat(operator.get("/console").header("Cache-Control")).isEqualTo("no-store");
            assertThat(given().auth().oauth2(TestTokens.user("dpo")).get("/api/v1/requests").header("Content-Security-Policy"))
                    .as("the APIs are not pages").isNull();
        }

        @Test
        void assetsAreServedByTheServiceItself() {
            String page = as("Oscar Operator", "privacy-operator").get("/console").asString();
            assertThat(page).contains("/console/assets/console.css").contains("/console/assets/console.js")
                    .doesNotContain("https://").doesNotContain("<script>").doesNotContain(" style=");
            assertThat(ConsoleBrowser.anonymous().get("/console/assets/console.js").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Logs {
        @Test
        void holdNoIdentifierOrFreeText() {
            String email = email();
            try (LogCapture logs = LogCapture.start()) {
                ConsoleBrowser operator = as("Oscar Operator", "privacy-operator");
                String csrf = ConsoleBrowser.csrf(operator.get("/console/new"));
                String location = operator.post("/console/new", csrf, Map.of("type", "ACCESS", "identifierType", "email",
                        "identifier", email, "details", "Secret details " + email, "idempotencyKey", UUID.randomUUID().toString()))
                        .header("Location");
                operator.get(location.replaceFirst("^https?://[^/]+", ""));
                operator.post("/console/subjects", ConsoleBrowser.csrf(operator.get("/console/subjects")),
                        Map.of("identifierType", "email", "identifier", email));
                assertThat(String.join("\n", logs.lines())).doesNotContain(email).doesNotContain("Secret details");
            }
        }
    }

    @Test
    void theOpenApiDocumentHasNoConsolePage() {
        assertThat(given().get("/q/openapi?format=json").asString()).doesNotContain("/console");
    }
}

package io.privacygate.commons.web;

import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.testing.OpenApiContract;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class SharedApiPartsTest {

    private static String document() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    }

    @Test
    void securedOperationsDocumentTheirRefusalsAsProblems() {
        JsonPath guarded = JsonPath.from(document()).setRootPath("paths.'/guarded'.get");
        assertThat(guarded.getString("operationId")).isEqualTo("guarded");
        assertThat(guarded.getList("security")).isNotEmpty();
        for (String status : new String[] {"401", "403"}) {
            assertThat(guarded.getString("responses.'" + status + "'.content.'application/problem+json'.schema.$ref"))
                    .isEqualTo("#/components/schemas/Problem");
            assertThat(guarded.getString("responses.'" + status + "'.description")).isNotBlank();
        }
        assertThat(guarded.getString("responses.'403'.content.'application/problem+json'.example.type"))
                .isEqualTo("urn:privacy-gate:problem:forbidden");
        assertThat(guarded.getMap("responses.'401'.headers")).containsKey("WWW-Authenticate");
    }

    @Test
    void aSignatureCheckedOperationKeepsItsOwnProblemExampleAndHasNoBearerChallenge() {
        JsonPath signed = JsonPath.from(document()).setRootPath("paths.'/signed-probe'.post.responses.'401'");
        assertThat(signed.getString("content.'application/problem+json'.schema.$ref")).isEqualTo("#/components/schemas/Problem");
        assertThat(signed.getString("content.'application/problem+json'.example.type"))
                .isEqualTo("urn:privacy-gate:problem:invalid-signature");
        assertThat(signed.getMap("headers")).isNullOrEmpty();
    }

    @Test
    void theDocumentCarriesTheProblemSchemaAndTheOidcScheme() {
        JsonPath document = JsonPath.from(document());
        assertThat(document.getList("components.schemas.Problem.required")).contains("type", "title", "status");
        assertThat(document.getString("components.securitySchemes.oidc.type")).isEqualTo("openIdConnect");
    }

    @Test
    void theContractCheckerAcceptsACompleteOperationAndNamesEveryGap() {
        assertThat(OpenApiContract.violations(document(), "/webhooks/"))
                .noneMatch(violation -> violation.startsWith("GET /guarded:"))
                .anyMatch(violation -> violation.endsWith(": no summary"));
    }
}

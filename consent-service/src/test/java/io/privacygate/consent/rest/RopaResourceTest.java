package io.privacygate.consent.rest;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.auditor;
import static io.privacygate.consent.rest.Fixtures.createConsentPurpose;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.expired;
import static io.privacygate.consent.rest.Fixtures.operator;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RopaResourceTest {

    @Nested
    class WithoutToken {
        @Test
        void isRejected() {
            anonymous().get("/api/v1/ropa").then().statusCode(401);
            anonymous().accept("text/csv").get("/api/v1/ropa").then().statusCode(401);
            as(expired()).get("/api/v1/ropa").then().statusCode(401);
        }
    }

    @Nested
    class AsServices {
        @Test
        void areForbidden() {
            as(reader()).get("/api/v1/ropa").then().statusCode(403);
            as(writer()).accept("text/csv").get("/api/v1/ropa").then().statusCode(403);
        }
    }

    @Nested
    class AsAuditorOperatorOrDpo {
        @Test
        void readTheRecordAsJson() {
            String key = createConsentPurpose("5");
            for (String token : new String[]{auditor(), operator(), dpo()}) {
                as(token).accept("application/json").get("/api/v1/ropa").then().statusCode(200)
                        .body("controller.name", equalTo("Privacy Gate (development)"))
                        .body("activities.key", hasItem(key))
                        .body("activities.find { it.key == '" + key + "' }.legalBasisIri", equalTo("eu-gdpr:A6-1-a"))
                        .body("activities.find { it.key == '" + key + "' }.retention", equalTo("P2Y"));
            }
        }

        @Test
        void readTheRecordAsCsv() {
            String key = createConsentPurpose("5");
            String csv = as(auditor()).accept("text/csv").get("/api/v1/ropa").then().statusCode(200)
                    .contentType("text/csv").extract().asString();
            String[] lines = csv.split("\r\n");
            assertThat(lines[0]).startsWith("controller,controllerContact,key,version,status,title");
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .startsWith("Privacy Gate (development),https://privacy-gate.invalid/privacy," + key + ",1,ACTIVE,")
                    .contains(",CONSENT,eu-gdpr:A6-1-a,,,,,,,email; name,P2Y,Mailer Ltd,email; web,"));
        }
    }
}

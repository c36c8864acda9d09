package io.privacygate.consent.rest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.auditor;
import static io.privacygate.consent.rest.Fixtures.consent;
import static io.privacygate.consent.rest.Fixtures.createConsentPurpose;
import static io.privacygate.consent.rest.Fixtures.dsrExecutor;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.expired;
import static io.privacygate.consent.rest.Fixtures.operator;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.record;
import static io.privacygate.consent.rest.Fixtures.resolve;
import static io.privacygate.consent.rest.Fixtures.writer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ReceiptResourceTest {
    @Inject
    AgroalDataSource db;

    /** A subject with a recorded grant: [subjectId, purpose, receiptId, eventId, email]. */
    static String[] granted() {
        String email = email();
        UUID subject = resolve(email);
        String purpose = createConsentPurpose("4");
        var response = record(consent(subject, purpose, "GRANTED", "4")).then().statusCode(201).extract();
        return new String[]{subject.toString(), purpose, response.path("receiptId"), response.path("eventId"), email};
    }

    static JWKSet jwks() throws Exception {
        return JWKSet.parse(given().get("/api/v1/receipts/jwks").then().statusCode(200).extract().asString());
    }

    static boolean verifies(String compact, JWKSet keys) throws Exception {
        SignedJWT jwt = SignedJWT.parse(compact);
        ECKey key = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        return key != null && jwt.verify(new ECDSAVerifier(key));
    }

    @Nested
    class WithoutToken {
        @Test
        void aReceiptIsNotGiven() {
            String receipt = granted()[2];
            anonymous().get("/api/v1/receipts/" + receipt).then().statusCode(401);
            as(expired()).get("/api/v1/receipts/" + receipt).then().statusCode(401);
        }

        @Test
        void theKeysArePublic() throws Exception {
            JWKSet keys = jwks();
            // One key per generation of the receipt key (ReceiptKeyRotationTest may have rotated it), all public.
            assertThat(keys.getKeys()).isNotEmpty();
            for (var jwk : keys.getKeys()) {
                ECKey key = (ECKey) jwk;
                assertThat(key.isPrivate()).isFalse();
                assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            }
        }
    }

    @Nested
    class AsRolesWithoutConsentAccess {
        @Test
        void theAuditorAndTheDsrExecutorAreRefused() {
            String receipt = granted()[2];
            as(auditor()).get("/api/v1/receipts/" + receipt).then().statusCode(403);
            as(dsrExecutor()).get("/api/v1/receipts/" + receipt).then().statusCode(403);
        }
    }

    @Nested
    class AsConsentServicesAndOperators {
        @Test
        void aReceiptVerifiesWithThePublishedKeys() throws Exception {
            String[] g = granted();
            String compact = as(writer()).accept("application/jose").get("/api/v1/receipts/" + g[2]).then().statusCode(200)
                    .contentType("application/jose").extract().asString();
            assertThat(verifies(compact, jwks())).isTrue();
            assertThat(as(reader()).get("/api/v1/receipts/" + g[2]).then().statusCode(200).extract().asString()).isNotBlank();
            assertThat(as(operator()).get("/api/v1/receipts/" + g[2]).then().statusCode(200).extract().asString()).isNotBlank();
        }

        @Test
        @SuppressWarnings("unchecked")
        void itIsShapedLikeAnIso27560RecordWithNoIdentifierInClear() throws Exception {
            String[] g = granted();
            String compact = as(writer()).get("/api/v1/receipts/" + g[2]).then().statusCode(200).extract().asString();
            JWTClaimsSet claims = SignedJWT.parse(compact).getJWTClaimsSet();
            assertThat(claims.getSubject()).isEqualTo(g[0]);
            assertThat(claims.getJWTID()).isEqualTo(g[2]);
            assertThat(claims.getStringClaim("schema_version")).isEqualTo("ISO/IEC TS 27560:2023");
            assertThat(claims.getStringClaim("pii_principal_id")).isEqualTo(g[0]);
            assertThat(claims.getJSONObjectClaim("data_controller")).containsKeys("name", "contact");
            assertThat(claims.getJSONObjectClaim("notice")).containsEntry("version", "4").doesNotContainKey("hash");
            Map<String, Object> purpose = (Map<String, Object>) ((List<Object>) claims.getClaim("purposes")).get(0);
            assertThat(purpose).containsEntry("purpose_id", g[1]).containsEntry("legal_basis", "CONSENT")
                    .containsEntry("legal_basis_iri", "eu-gdpr:A6-1-a").containsEntry("storage_duration", "P2Y");
            assertThat(claims.getJSONObjectClaim("event")).containsEntry("event_id", g[3])
                    .containsEntry("event_state", "GRANTED").containsEntry("event_type", "consent-given");

            String payload = new String(Base64.getUrlDecoder().decode(compact.split("\\.")[1]), StandardCharsets.UTF_8);
            assertThat(payload).doesNotContain(g[4]).doesNotContain("203.0.113.42").doesNotContain("Mozilla");
        }

        @Test
        void aTamperedReceiptDoesNotVerify() throws Exception {
            String compact = as(writer()).get("/api/v1/receipts/" + granted()[2]).then().statusCode(200).extract().asString();
            String[] parts = compact.split("\\.");
            String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("GRANTED", "DENIED");
            String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            assertThat(verifies(tampered, jwks())).isFalse();
        }

        /** Issue #19, point 3: the receipt is the one issued at recording, not a new signature at each fetch. */
        @Test
        void theReceiptIsSignedWhenTheConsentIsRecordedAndEveryFetchGivesThatVeryReceipt() throws Exception {
            String receipt = granted()[2];
            String first = as(writer()).get("/api/v1/receipts/" + receipt).then().statusCode(200).extract().asString();
            String again = as(operator()).get("/api/v1/receipts/" + receipt).then().statusCode(200).extract().asString();

            assertThat(again).isEqualTo(first);
            assertThat(Db.rows(db, "select receipt_jws from consent_event where receipt_id = ?", UUID.fromString(receipt)))
                    .singleElement().satisfies(row -> assertThat(row.get("receipt_jws")).isEqualTo(first));
            assertThat(verifies(first, jwks())).isTrue();
        }

        @Test
        void anUnknownReceiptIsNotFound() {
            as(writer()).get("/api/v1/receipts/" + UUID.randomUUID()).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }
}

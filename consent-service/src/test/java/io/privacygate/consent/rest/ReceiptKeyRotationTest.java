package io.privacygate.consent.rest;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.auditor;
import static io.privacygate.consent.rest.Fixtures.dpo;
import static io.privacygate.consent.rest.Fixtures.operator;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipts keep verifying across key changes (#19 point 3): a receipt is signed when its consent is recorded and
 * stored; after a rotation of the receipt key (DPO only) the new key signs, and the JWKS still lists the earlier
 * public keys, so a receipt signed before the rotation verifies against the JWKS after it.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ReceiptKeyRotationTest {
    @Inject
    AgroalDataSource db;

    static String receipt(String receiptId) {
        return as(reader()).accept("application/jose").get("/api/v1/receipts/" + receiptId).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void aReceiptSignedBeforeARotationVerifiesAgainstTheJwksAfterIt() throws Exception {
        String before = receipt(ReceiptResourceTest.granted()[2]);
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        String newKid = as(dpo()).post("/api/v1/receipts/keys/rotate").then().statusCode(200).extract().path("kid");
        assertThat(newKid).isNotEqualTo(oldKid);

        JWKSet after = ReceiptResourceTest.jwks();
        assertThat(after.getKeyByKeyId(oldKid)).isNotNull();
        assertThat(after.getKeyByKeyId(newKid)).isNotNull();
        assertThat(ReceiptResourceTest.verifies(before, after)).isTrue();

        String[] later = ReceiptResourceTest.granted();
        String signedAfter = receipt(later[2]);
        assertThat(SignedJWT.parse(signedAfter).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(ReceiptResourceTest.verifies(signedAfter, after)).isTrue();
        // Stored when recorded: fetched again, the earlier receipt is the very one issued.
        assertThat(Db.count(db, "select count(*) from consent_event where receipt_jws = ?", before)).isOne();
        assertThat(Db.count(db, "select count(*) from outbox_message where strpos(payload, 'receipt-key.rotated') > 0 "
                + "and strpos(payload, ?) > 0", newKid)).isOne();
    }

    @Test
    void onlyTheDpoRotates() {
        anonymous().post("/api/v1/receipts/keys/rotate").then().statusCode(401);
        for (String token : new String[]{operator(), auditor(), reader(), writer()}) {
            as(token).post("/api/v1/receipts/keys/rotate").then().statusCode(403);
        }
    }
}

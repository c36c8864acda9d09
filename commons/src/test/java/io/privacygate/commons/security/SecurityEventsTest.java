package io.privacygate.commons.security;

import io.agroal.api.AgroalDataSource;
import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class SecurityEventsTest {
    @Inject
    SecurityFailures failures;
    @Inject
    SecurityEventsJob job;
    @Inject
    AgroalDataSource db;

    /** Other test classes in this application refuse requests too: their counts are reported and set aside. */
    @BeforeEach
    void reportAndSetAsideWhatEarlierTestsLeft() {
        report();
        for (SecurityAction action : SecurityAction.values()) {
            auditPayloads(action.action());
        }
    }

    @Test
    void refusalsAreReportedOncePerSourceAndStatusWithTheirCountAndNoAddress() {
        String before = auditPayloads("access.denied").toString();
        for (int i = 0; i < 7; i++) {
            given().get("/guarded").then().statusCode(401);
        }
        given().auth().oauth2(TestTokens.user("auditor")).get("/guarded").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("auditor")).get("/guarded").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("dpo")).get("/guarded").then().statusCode(200);

        report();

        List<String> events = auditPayloads("access.denied");
        assertThat(events).hasSize(2);
        assertThat(events).anySatisfy(e -> assertThat(e).contains("\"status\":\"401\"").contains("\"count\":\"7\""));
        assertThat(events).anySatisfy(e -> assertThat(e).contains("\"status\":\"403\"").contains("\"count\":\"2\""));
        assertThat(events).allSatisfy(e -> assertThat(e)
                .contains("\"outcome\":\"DENIED\"").contains("\"source\":\"hmac-sha256:")
                .doesNotContain("127.0.0.1").doesNotContain("Bearer"));
        assertThat(before).isEqualTo("[]");
    }

    @Test
    void platformWebhooksAreLeftToTheServiceThatChecksTheirSignatures() {
        given().get("/webhooks/probe").then().statusCode(401);
        report();
        assertThat(auditPayloads("access.denied")).isEmpty();
    }

    @Test
    void cryptoFailuresAreReportedAsCounts() {
        failures.decryptionFailed();
        failures.decryptionFailed();
        failures.keyUnavailable();
        report();
        assertThat(auditPayloads("crypto.decryption-failed")).singleElement().satisfies(e -> assertThat(e)
                .contains("\"count\":\"2\"").contains("\"outcome\":\"FAILURE\"").contains("\"actor\":\"system:commons-test\""));
        assertThat(auditPayloads("crypto.key-unavailable")).singleElement().satisfies(e -> assertThat(e).contains("\"count\":\"1\""));
    }

    @Test
    void aFloodOfSourcesIsBoundedInMemory() {
        for (int i = 0; i < SecurityFailures.MAX_TALLIES + 50; i++) {
            failures.accessDenied(401, "10.0." + (i / 256) % 256 + "." + i % 256 + (i >= 65536 ? ":" + i : ""));
        }
        assertThat(failures.drain()).hasSizeLessThanOrEqualTo(SecurityFailures.MAX_TALLIES + 1)
                .containsKey(new SecurityFailures.Tally(SecurityAction.ACCESS_DENIED, SecurityFailures.OVERFLOW, 401));
    }

    private void report() {
        try {
            VertxContextSupport.subscribeAndAwait(job::report);
        } catch (Throwable e) {
            throw new AssertionError("The report failed", e);
        }
    }

    /** The audit events of one action written to the outbox since the last call, which deletes them. */
    private List<String> auditPayloads(String action) {
        List<String> payloads = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "delete from outbox_message where destination = 'audit' and payload like ? returning payload")) {
            select.setString(1, "%\"action\":\"" + action + "\"%");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return payloads;
    }
}

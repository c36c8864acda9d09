package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** consent-service is ready only while its database, its key provider and its decision state feed are up. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ReadinessTest {
    @Inject
    AgroalDataSource db;

    @Test
    void namesTheDatabaseTheKeyProviderAndTheChangeFeed() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("database", "key-provider", "change-feed"))
                .body("checks.find { it.name == 'change-feed' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'key-provider' }.data.provider", equalTo("local")));
    }

    /** The feed's backend is ended as a failover or an idle-session killer would end it; the listener reconnects. */
    @Test
    void isNotReadyWhileTheChangeFeedIsLostThenReadyAgain() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

        assertThat(Db.count(db, "select count(pg_terminate_backend(pid)) from pg_stat_activity where query ilike 'LISTEN%'"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(503)
                        .body("status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'change-feed' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'database' }.status", equalTo("UP")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'change-feed' }.status", equalTo("UP")));
    }
}

package io.privacygate.commons.health;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.privacygate.commons.outbox.RecordingReceiver;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The {@code database} readiness check follows the database the reactive pool uses. The database is "stopped" by
 * refusing new connections to it ({@code allow_connections false}) and ending the ones open
 * ({@code pg_terminate_backend}): the embedded server itself keeps running for the other tests.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class DatabaseReadinessTest {
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @AfterEach
    void reopen() throws SQLException {
        admin("alter database " + database() + " allow_connections true");
    }

    @Test
    void isReadyWithTheDatabaseNamedThenDownWhileItIsGoneThenUpAgain() throws SQLException {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("database"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"));

        admin("alter database " + database() + " allow_connections false");
        admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database() + "'");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'database' }.status", equalTo("DOWN")));

        admin("alter database " + database() + " allow_connections true");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'database' }.status", equalTo("UP")));
    }

    private String database() {
        return jdbcUrl.replaceFirst("\\?.*$", "").replaceFirst("^.*/", "");
    }

    /** A superuser session on the server's maintenance database, outside the one being stopped. */
    private void admin(String sql) throws SQLException {
        String maintenance = jdbcUrl.replaceFirst("/" + database(), "/postgres");
        try (Connection connection = DriverManager.getConnection(maintenance, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

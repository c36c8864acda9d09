package io.privacygate.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s: the server named by {@code PRIVACY_GATE_TEST_DB_URL}
 * (a JDBC URL, with {@code PRIVACY_GATE_TEST_DB_USER} and {@code PRIVACY_GATE_TEST_DB_PASSWORD}), or
 * else embedded PostgreSQL binaries started for the test run. Each test run gets a fresh database.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static final String URL_ENV = "PRIVACY_GATE_TEST_DB_URL";
    private EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        String external = System.getenv(URL_ENV);
        String user = external != null ? System.getenv().getOrDefault("PRIVACY_GATE_TEST_DB_USER", "postgres") : "postgres";
        String password = external != null ? System.getenv().getOrDefault("PRIVACY_GATE_TEST_DB_PASSWORD", "") : "postgres";
        String serverUrl;
        if (external != null) {
            serverUrl = external;
        } else {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("Embedded PostgreSQL did not start", e);
            }
            serverUrl = embedded.getJdbcUrl("postgres", "postgres");
        }
        String database = "test_" + UUID.randomUUID().toString().replace("-", "");
        createDatabase(serverUrl, user, password, database);
        String jdbcUrl = withDatabase(serverUrl, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.reactive.url", jdbcUrl.replaceFirst("^jdbc:", "").replaceFirst("\\?.*$", ""),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException("Embedded PostgreSQL did not stop", e);
            }
        }
    }

    private static void createDatabase(String serverUrl, String user, String password, String database) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database", e);
        }
    }

    /** Replaces the database name of {@code jdbc:postgresql://host:port/name?params}. */
    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + params;
    }
}

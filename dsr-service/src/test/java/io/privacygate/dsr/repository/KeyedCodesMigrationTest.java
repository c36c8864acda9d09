package io.privacygate.dsr.repository;

import io.privacygate.testing.PostgresTestResource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade to keyed one-time codes (V4): codes stored as salted SHA-256 before it cannot be checked as HMACs, so
 * they are voided (the requester asks again); what else the database holds is untouched.
 */
class KeyedCodesMigrationTest {
    private final PostgresTestResource postgres = new PostgresTestResource();
    private Map<String, String> db;

    @BeforeEach
    void start() {
        db = postgres.start();
    }

    @AfterEach
    void stop() {
        postgres.stop();
    }

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(db.get("quarkus.datasource.jdbc.url"), db.get("quarkus.datasource.username"),
                        db.get("quarkus.datasource.password"))
                .locations("classpath:db/commons", "classpath:db/migration")
                .target(target)
                .load();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"), db.get("quarkus.datasource.username"),
                db.get("quarkus.datasource.password"));
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void voidsTheCodesStoredAsPlainSaltedHashesAndKeepsTheirRequests() throws SQLException {
        flyway("3").migrate();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into dsr_request (id, type, status, subject_resolution, received_at, original_due_at, due_at,
                                             filed_by, created_at, updated_at)
                    values ('6f1c0d3e-8a47-4c5e-9a8f-2d3b4c5d6e7f', 'ACCESS', 'RECEIVED', 'PENDING', now(),
                            now() + interval '1 month', now() + interval '1 month', 'operator', now(), now())""");
            statement.execute("""
                    insert into dsr_verification_code (request_id, code_hash, salt, expires_at, attempts, sent_at)
                    values ('6f1c0d3e-8a47-4c5e-9a8f-2d3b4c5d6e7f', repeat('a', 64), repeat('b', 32),
                            now() + interval '10 minutes', 1, now())""");
            statement.execute("insert into dsr_code_failure (address_index, day, failures) values ('idx', current_date, 3)");
        }

        flyway("latest").migrate();

        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(count(statement, "dsr_verification_code")).isZero();
            assertThat(count(statement, "dsr_request")).isEqualTo(1);
            assertThat(count(statement, "dsr_code_failure")).isEqualTo(1);
        }
    }
}

package io.privacygate.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the suite's databases directly, as a regulator's expert would: what is really stored at rest. */
final class Databases {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("PRIVACY_GATE_PG_PORT", "5433") + "/";

    private Databases() {
    }

    /** The tables of a service's database in which some row, as text, contains the value. */
    static List<String> rowsContaining(String database, String value) {
        List<String> tables = new ArrayList<>();
        try (Connection connection = connect(database)) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "select tablename from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String table : names) {
                try (PreparedStatement query = connection.prepareStatement(
                        "select count(*) from \"" + table + "\" t where position(lower(?) in lower(t::text)) > 0")) {
                    query.setString(1, value);
                    try (ResultSet count = query.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            tables.add(table);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + database + " database", e);
        }
        return tables;
    }

    static long count(String database, String sql, Object parameter) {
        try (Connection connection = connect(database); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + database + " database", e);
        }
    }

    /** The first column of each row the query answers, against the second (a count) as a long. */
    static java.util.Map<String, Long> counts(String database, String sql) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        try (Connection connection = connect(database); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + database + " database", e);
        }
        return counts;
    }

    /** Each row the query answers, in order, handed to the consumer (for tables too big to hold as a list). */
    static void forEach(String database, String sql, RowConsumer consumer) {
        try (Connection connection = connect(database)) {
            connection.setAutoCommit(false);
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.setFetchSize(5_000);
                try (ResultSet rows = statement.executeQuery(sql)) {
                    while (rows.next()) {
                        consumer.accept(rows);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + database + " database", e);
        }
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, "postgres", "postgres");
    }
}

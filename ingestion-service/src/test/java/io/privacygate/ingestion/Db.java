package io.privacygate.ingestion;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Reads the service's own database as a test sees it: what was stored, not what the API says. */
public final class Db {
    private final AgroalDataSource dataSource;

    public Db(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String sql, Object... params) {
        return ((Number) single(sql, params)).longValue();
    }

    public Object single(String sql, Object... params) {
        List<List<Object>> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.getFirst().getFirst();
    }

    public List<List<Object>> rows(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a value is anywhere in the database in clear: in any text column of any table, or inside any
     * binary column as its UTF-8 bytes.
     */
    public boolean holdsInClear(String value) {
        for (List<Object> column : rows("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public' and data_type in ('text', 'character varying', 'bytea', 'jsonb', 'json')""")) {
            String table = (String) column.get(0);
            String name = (String) column.get(1);
            String condition = "bytea".equals(column.get(2))
                    ? "position(convert_to(?, 'UTF8') in " + name + ") > 0"
                    : "strpos(cast(" + name + " as text), ?) > 0";
            if (count("select count(*) from " + table + " where " + condition, value) > 0) {
                return true;
            }
        }
        return false;
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public void awaitInboxEmpty() {
        await("the inbox to drain", Duration.ofSeconds(30), () -> count("select count(*) from inbox_delivery") == 0);
    }
}

package io.privacygate.consent.rest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain SQL against the service's database, to assert on what was stored, not only on what was answered. */
final class Db {

    private Db() {
    }

    static List<Map<String, Object>> rows(DataSource db, String sql, Object... params) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(DataSource db, String sql, Object... params) {
        return ((Number) rows(db, sql, params).get(0).values().iterator().next()).longValue();
    }

    /** Every text value of every row of the tables, to search for plaintext. */
    static String dump(DataSource db, String... tables) {
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            rows(db, "select * from " + table).forEach(row -> all.append(row.values()).append('\n'));
        }
        return all.toString();
    }

    static void execute(DataSource db, String sql, Object... params) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

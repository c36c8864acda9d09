package io.privacygate.dsr.rest;

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
import java.util.UUID;

/** Plain SQL against dsr-service's database, to assert on what was stored, and to age rows for time-based rules. */
final class Db {

    private Db() {
    }

    static List<Map<String, Object>> rows(DataSource db, String sql, Object... params) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
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

    static int update(DataSource db, String sql, Object... params) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stands in for consent-service in the tests without peers: the request is resolved to a subject as the
     * worker would, under the request's row lock (taken first, as the worker takes it), so the two never interleave.
     */
    static void resolve(DataSource db, String requestId, UUID subjectId) {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement request = connection.prepareStatement(
                    "update dsr_request set subject_id = ?, subject_resolution = 'FOUND' where id = ?");
                 PreparedStatement task = connection.prepareStatement("update dsr_task set status = 'DONE', "
                         + "lease_until = null, completed_at = now(), result = '{\"found\":true}' "
                         + "where request_id = ? and step = 'RESOLVE'")) {
                request.setObject(1, subjectId);
                request.setObject(2, uuid(requestId));
                request.executeUpdate();
                task.setObject(1, uuid(requestId));
                task.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks a request's tasks as failed for good, under the request's row lock as the worker records failures. */
    static void failTasks(DataSource db, String requestId, String error) {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select id from dsr_request where id = ? for update");
                 PreparedStatement fail = connection.prepareStatement(
                         "update dsr_task set status = 'FAILED', last_error = ?, lease_until = null where request_id = ?")) {
                lock.setObject(1, uuid(requestId));
                lock.executeQuery().close();
                fail.setString(1, error);
                fail.setObject(2, uuid(requestId));
                fail.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}

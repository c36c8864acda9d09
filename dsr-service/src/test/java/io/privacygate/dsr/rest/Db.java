package io.privacygate.dsr.rest;

import io.privacygate.testing.Sql;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Plain SQL against dsr-service's database, to assert on what was stored, and to age rows for time-based rules. */
final class Db extends Sql {

    private Db() {
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
}

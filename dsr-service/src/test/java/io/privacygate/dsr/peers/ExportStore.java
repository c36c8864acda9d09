package io.privacygate.dsr.peers;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Looks at the stored export package itself, and ages it past its expiry. */
final class ExportStore {

    private ExportStore() {
    }

    static void assertEncrypted(String requestId, String plaintext) {
        try (Connection connection = db().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select content_encrypted, content_key_encrypted from dsr_export where request_id = ?")) {
            statement.setObject(1, UUID.fromString(requestId));
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                byte[] content = row.getBytes(1);
                assertThat(new String(content, StandardCharsets.ISO_8859_1)).doesNotContain(plaintext)
                        .doesNotContain("manifest.json");
                assertThat(row.getString(2)).startsWith("v2.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void expire(String requestId) {
        try (Connection connection = db().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "update dsr_export set expires_at = now() - interval '1 second' where request_id = ?")) {
            statement.setObject(1, UUID.fromString(requestId));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AgroalDataSource db() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }
}

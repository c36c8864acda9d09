package io.privacygate.commons.crypto;

import io.privacygate.commons.notify.ChangeFeed;
import io.privacygate.commons.outbox.RecordingReceiver;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue #19, point 4: a shredded data key is gone at once from every replica's memory, not up to a minute later. The
 * other replica is played over JDBC: it deletes the key and notifies in one transaction, exactly as
 * {@link SubjectKeys#shred} does (the first test shows what shred sends, and that it is sent only on commit).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class ShreddedKeysTest {
    private static final EncryptedColumn FIELD = EncryptedColumn.of("probe", "value_encrypted");
    /** Well inside the 60 s an unwrapped key was kept before, and far above a LISTEN delivery's milliseconds. */
    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    @Inject
    SubjectKeys subjectKeys;
    @Inject
    ChangeFeed feed;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aShreddingIsAnnouncedToEveryReplicaWhenItCommitsAndNotBefore() throws Throwable {
        UUID subject = UUID.randomUUID();
        write(subject);
        try (Connection listener = connect()) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN " + UnwrappedKeyCache.CHANNEL);
            }
            assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    subjectKeys.shred(subject).invoke(() -> {
                        throw new IllegalStateException("rolled back");
                    })))).satisfies(failure -> assertThat(root(failure)).isInstanceOf(IllegalStateException.class));
            assertThat(notifications(listener, Duration.ofMillis(500))).as("nothing is announced for a rollback").isEmpty();

            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> subjectKeys.shred(subject)));

            assertThat(notifications(listener, AT_ONCE)).containsExactly(subject.toString());
        }
    }

    @Test
    void aKeyShreddedByAnotherReplicaCannotBeUsedHereAnyMore() throws Throwable {
        awaitFeed();
        UUID subject = UUID.randomUUID();
        String sealed = write(subject);
        assertThat(read(subject).decrypt(FIELD, sealed)).as("the key is held here now").isEqualTo("jane@example.org");

        shredAsAnotherReplica(subject, true);

        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThatThrownBy(() -> read(subject))
                        .satisfies(failure -> assertThat(root(failure)).isInstanceOf(SubjectKeyShreddedException.class)));
    }

    @Test
    void whileTheFeedIsDownNoKeyIsKeptSoAMissedShreddingCannotBeMissedHere() throws Throwable {
        awaitFeed();
        UUID subject = UUID.randomUUID();
        String sealed = write(subject);
        assertThat(read(subject).decrypt(FIELD, sealed)).isEqualTo("jane@example.org");

        try (Connection admin = connect(); Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'LISTEN%'");
        }
        await().atMost(AT_ONCE).until(() -> !feed.listening());
        shredAsAnotherReplica(subject, false);

        assertThatThrownBy(() -> read(subject))
                        .satisfies(failure -> assertThat(root(failure)).isInstanceOf(SubjectKeyShreddedException.class));
        awaitFeed();
    }

    private void awaitFeed() {
        await().atMost(Duration.ofSeconds(10)).until(feed::listening);
    }

    private String write(UUID subject) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> subjectKeys.forWriting(subject)
                .map(cipher -> cipher.encrypt(FIELD, "jane@example.org"))));
    }

    private SubjectCipher read(UUID subject) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> subjectKeys.forReading(subject)));
    }

    private void shredAsAnotherReplica(UUID subject, boolean announced) throws SQLException {
        try (Connection other = connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement delete = other.prepareStatement("delete from subject_key where subject_id = ?")) {
                delete.setObject(1, subject);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
            if (announced) {
                try (PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
                    notify.setString(1, UnwrappedKeyCache.CHANNEL);
                    notify.setString(2, subject.toString());
                    notify.execute();
                }
            }
            other.commit();
        }
    }

    private static List<String> notifications(Connection listener, Duration wait) throws SQLException {
        List<String> payloads = new ArrayList<>();
        PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications((int) wait.toMillis());
        if (received != null) {
            for (PGNotification notification : received) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }

    private static Throwable root(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}

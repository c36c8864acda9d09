package io.privacygate.commons.outbox;

import io.privacygate.commons.health.Scrape;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox backlog gauges, as Prometheus scrapes them, per destination. */
@QuarkusTest
@TestProfile(OutboxRelayTest.WithoutScheduledJobs.class) // it counts every waiting message: no job may add one
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingReceiver.class)
class OutboxMetricsTest {
    private static final String BACKLOG = "privacygate_outbox_backlog{destination=\"audit\"}";
    private static final String OLDEST = "privacygate_outbox_oldest_age_seconds{destination=\"audit\"}";

    @Inject
    Outbox outbox;
    @Inject
    OutboxMetrics metrics;
    @Inject
    Pool pool;

    @BeforeEach
    void empty() {
        pool.query("delete from outbox_message").executeAndAwait();
    }

    @Test
    void aConfiguredDestinationShowsAnEmptyBacklogBeforeItsFirstMessage() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh());
        assertThat(Scrape.value(BACKLOG)).isZero();
        assertThat(Scrape.value(OLDEST)).isZero();
    }

    @Test
    void aWaitingMessageRaisesTheBacklogAndItsAgeUntilItIsDelivered() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.enqueue("audit", "m-1", Map.of("n", 1))
                .chain(() -> outbox.enqueue("audit", "m-2", Map.of("n", 2)))));
        pool.query("update outbox_message set created_at = now() - interval '90 seconds' where idempotency_key = 'm-1'")
                .executeAndAwait();
        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh());

        assertThat(Scrape.value(BACKLOG)).isEqualTo(2);
        assertThat(Scrape.value(OLDEST)).isBetween(90.0, 150.0);

        pool.query("delete from outbox_message").executeAndAwait();
        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh());
        assertThat(Scrape.value(BACKLOG)).isZero();
        assertThat(Scrape.value(OLDEST)).isZero();
    }
}

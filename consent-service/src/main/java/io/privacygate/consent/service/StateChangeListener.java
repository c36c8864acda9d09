package io.privacygate.consent.service;

import io.privacygate.consent.repository.StateChangeRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * LISTENs, on a connection of its own, to the decision state changes that any replica commits, and drops
 * the named state from this replica's {@link DecisionCache}. While not subscribed, the cache is bypassed;
 * it reconnects for as long as the service runs.
 */
@ApplicationScoped
public class StateChangeListener {
    private static final Logger LOG = Logger.getLogger(StateChangeListener.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final DecisionCache cache;
    private final Vertx vertx;
    private final PgConnectOptions options;
    private volatile PgSubscriber subscriber;
    private volatile boolean stopped;

    StateChangeListener(DecisionCache cache, Vertx vertx,
                        @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                        @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.vertx = vertx;
        this.options = connectOptions(url, user, password);
    }

    static PgConnectOptions connectOptions(String url, Optional<String> user, Optional<String> password) {
        String first = url.split(",")[0].trim().replaceFirst("^vertx-reactive:", "");
        PgConnectOptions options = PgConnectOptions.fromUri(first);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return options;
    }

    void start(@Observes StartupEvent event) {
        connect();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        PgSubscriber current = subscriber;
        if (current != null) {
            current.closeAndForget();
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        PgSubscriber fresh = PgSubscriber.subscriber(vertx, new PgConnectOptions(options));
        // Called when the connection drops: from then on notifications may be missed.
        fresh.reconnectPolicy(attempt -> {
            if (attempt == 0) {
                LOG.warn("Lost the decision state change feed; deciding from the database until it is back");
                cache.live(false);
            }
            return stopped ? -1L : RETRY.toMillis();
        });
        fresh.channel(StateChangeRepository.CHANNEL)
                .subscribeHandler(() -> {
                    cache.live(true);
                    LOG.debug("Listening to decision state changes");
                })
                .handler(payload -> cache.invalidateAll(Arrays.asList(payload.split(","))));
        subscriber = fresh;
        fresh.connect().subscribe().with(
                connected -> {
                },
                failure -> {
                    LOG.warnf("Cannot listen to decision state changes yet (%s); retrying", failure.getClass().getSimpleName());
                    fresh.closeAndForget();
                    vertx.setTimer(RETRY.toMillis(), id -> connect());
                });
    }
}

package io.privacygate.commons.notify;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * LISTENs, on one connection of its own, to the channels of every {@link ChangeFeedSubscriber} of the service, and
 * hands each notification, committed by any replica, to its channel's subscriber. While not listening the subscribers
 * are told so ({@code live(false)}) and keep nothing; it reconnects for as long as the service runs.
 * <p>
 * The connection is taken from the service's reactive pool and kept, so that it is made exactly as the pool makes
 * its own: URL, credentials and every {@code quarkus.datasource.reactive.*} setting, TLS ({@code ssl-mode}, trust and
 * key options, hostname verification) included: a feed in clear would let invalidations be read or dropped
 * (docs/decisions/0010).
 */
@ApplicationScoped
public class ChangeFeed {
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Map<String, ChangeFeedSubscriber> subscribers;
    private final Vertx vertx;
    private final Pool pool;
    private volatile SqlConnection listening;
    private volatile boolean lost;
    private volatile boolean subscribed;
    private volatile boolean stopped;

    ChangeFeed(Instance<ChangeFeedSubscriber> subscribers, Vertx vertx, Pool pool) {
        this.subscribers = subscribers.stream()
                .collect(Collectors.toUnmodifiableMap(ChangeFeedSubscriber::channel, Function.identity()));
        this.vertx = vertx;
        this.pool = pool;
    }

    void start(@Observes StartupEvent event) {
        connect();
    }

    /** True while the LISTEN connection is open and every channel's LISTEN has been accepted. */
    public boolean listening() {
        return subscribed;
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        subscribed = false;
        SqlConnection current = listening;
        listening = null;
        if (current != null) {
            current.closeAndForget();
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        pool.getConnection().chain(connection -> {
            listening = connection;
            PgConnection.cast(connection)
                    .notificationHandler(notification -> {
                        ChangeFeedSubscriber subscriber = subscribers.get(notification.getChannel());
                        if (subscriber != null) {
                            subscriber.changed(notification.getPayload());
                        }
                    })
                    .closeHandler(() -> dropped(connection));
            List<String> statements = subscribers.keySet().stream().map(channel -> "LISTEN " + channel).toList();
            return connection.query(String.join("; ", statements)).execute()
                    .onFailure().invoke(failure -> {
                        listening = null;
                        connection.closeAndForget();
                    });
        }).subscribe().with(
                rows -> {
                    lost = false;
                    subscribed = true;
                    subscribers.values().forEach(subscriber -> subscriber.live(true));
                    LOG.debugf("Listening to %s", subscribers.keySet());
                },
                failure -> {
                    LOG.warnf("Cannot listen to the change feed yet (%s); retrying", failure.getClass().getSimpleName());
                    vertx.setTimer(RETRY.toMillis(), id -> connect());
                });
    }

    /** The connection closed under us: from then on notifications may be missed. */
    private void dropped(SqlConnection connection) {
        if (stopped || listening != connection) {
            return;
        }
        listening = null;
        subscribed = false;
        if (!lost) {
            lost = true;
            LOG.warn("Lost the change feed; what other replicas change is read from the database until it is back");
        }
        subscribers.values().forEach(subscriber -> subscriber.live(false));
        vertx.setTimer(RETRY.toMillis(), id -> connect());
    }
}

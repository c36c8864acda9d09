package io.privacygate.consent.service.decisionstate;

import io.privacygate.consent.repository.StateChangeRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Arrays;

/**
 * LISTENs, on a connection of its own, to the decision state changes that any replica commits, and drops
 * the named state from this replica's {@link DecisionCache}. While not subscribed, the cache is bypassed;
 * it reconnects for as long as the service runs.
 * <p>
 * The connection is taken from the service's reactive pool and kept, so that it is made exactly as the pool makes
 * its own: URL, credentials and every {@code quarkus.datasource.reactive.*} setting, TLS ({@code ssl-mode}, trust and
 * key options, hostname verification) included: a feed in clear would let invalidations be read or dropped
 * (docs/decisions/0010).
 * It holds one of the pool's connections for as long as it listens.
 */
@ApplicationScoped
public class StateChangeListener {
    private static final Logger LOG = Logger.getLogger(StateChangeListener.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final DecisionCache cache;
    private final Vertx vertx;
    private final Pool pool;
    private volatile SqlConnection listening;
    private volatile boolean lost;
    private volatile boolean subscribed;
    private volatile boolean stopped;

    StateChangeListener(DecisionCache cache, Vertx vertx, Pool pool) {
        this.cache = cache;
        this.vertx = vertx;
        this.pool = pool;
    }

    void start(@Observes StartupEvent event) {
        connect();
    }

    /** True while the LISTEN connection is open and its LISTEN has been accepted. */
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
                        if (StateChangeRepository.CHANNEL.equals(notification.getChannel())) {
                            cache.invalidateAll(Arrays.asList(notification.getPayload().split(",")));
                        }
                    })
                    .closeHandler(() -> dropped(connection));
            return connection.query("LISTEN " + StateChangeRepository.CHANNEL).execute()
                    .onFailure().invoke(failure -> {
                        listening = null;
                        connection.closeAndForget();
                    });
        }).subscribe().with(
                rows -> {
                    lost = false;
                    subscribed = true;
                    cache.live(true);
                    LOG.debug("Listening to decision state changes");
                },
                failure -> {
                    LOG.warnf("Cannot listen to decision state changes yet (%s); retrying", failure.getClass().getSimpleName());
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
            LOG.warn("Lost the decision state change feed; deciding from the database until it is back");
        }
        cache.live(false);
        vertx.setTimer(RETRY.toMillis(), id -> connect());
    }
}

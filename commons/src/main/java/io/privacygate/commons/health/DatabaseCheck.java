package io.privacygate.commons.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the reactive pool, the one every request and the outbox relay use, gets an answer from the
 * database. Quarkus' own datasource checks stay beside it; this one carries the name operators and alerts use.
 * A failure names the exception's class only: its message may hold the host or user.
 */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements AsyncHealthCheck {
    static final String NAME = "database";

    private final Pool pool;

    DatabaseCheck(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("select 1").execute()
                .map(rows -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", failure.getClass().getSimpleName()).build());
    }
}

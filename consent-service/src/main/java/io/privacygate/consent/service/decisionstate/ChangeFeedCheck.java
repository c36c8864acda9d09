package io.privacygate.consent.service.decisionstate;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while this replica LISTENs to the decision state changes. Without the feed the cache is bypassed, so
 * answers stay right, but every decision goes to the database: a replica in that state should not take the share of
 * traffic a warm one takes. It reconnects by itself within a second or so; the check follows.
 */
@Readiness
@ApplicationScoped
public class ChangeFeedCheck implements HealthCheck {
    static final String NAME = "change-feed";

    private final StateChangeListener listener;

    ChangeFeedCheck(StateChangeListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(listener.listening()).build();
    }
}

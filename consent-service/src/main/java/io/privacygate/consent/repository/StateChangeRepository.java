package io.privacygate.consent.repository;

import io.privacygate.commons.notify.ChangeNotices;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;

/**
 * Tells every replica which decision state changed, with PostgreSQL NOTIFY inside the transaction of the
 * change: the notification is delivered when, and only if, the change commits.
 */
@ApplicationScoped
public class StateChangeRepository {
    /** The LISTEN/NOTIFY channel of decision state changes. */
    public static final String CHANNEL = "consent_state_changes";

    private final ChangeNotices notices;

    StateChangeRepository(ChangeNotices notices) {
        this.notices = notices;
    }

    /** Must run inside the transaction of the change. */
    public Uni<Void> publish(Collection<String> keys) {
        return notices.publish(CHANNEL, keys);
    }
}

package io.privacygate.commons.notify;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Tells every replica which keys of a channel changed, with PostgreSQL NOTIFY inside the transaction of the change:
 * the notification is delivered when, and only if, the change commits. Each replica's {@link ChangeFeed} hands it to
 * the channel's {@link ChangeFeedSubscriber}.
 */
@ApplicationScoped
public class ChangeNotices {
    /** NOTIFY payloads must stay under 8000 bytes. */
    private static final int MAX_PAYLOAD = 7000;

    /** Must run inside the transaction of the change (the current Panache session's). */
    public Uni<Void> publish(String channel, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(payloads(keys))
                .onItem().transformToUniAndConcatenate(payload -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("select count(*) from (select pg_notify(:channel, :payload)) n")
                                .setParameter("channel", channel)
                                .setParameter("payload", payload)
                                .getSingleResult()))
                .collect().last().replaceWithVoid();
    }

    static List<String> payloads(Collection<String> keys) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String key : keys) {
            if (!current.isEmpty() && current.length() + key.length() + 1 > MAX_PAYLOAD) {
                payloads.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append(',');
            }
            current.append(key);
        }
        payloads.add(current.toString());
        return payloads;
    }
}

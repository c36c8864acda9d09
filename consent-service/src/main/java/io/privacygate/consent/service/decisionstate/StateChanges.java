package io.privacygate.consent.service.decisionstate;

import io.privacygate.consent.repository.StateChangeRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * The transaction of every change that decisions depend on. Inside it, the touched keys are published
 * (NOTIFY, delivered to every replica on commit); after it commits, this replica drops them at once, so
 * that the caller's next decision, here, already sees the change.
 * <p>
 * This is the one place that opens such transactions programmatically rather than with
 * {@code @WithTransaction}: the local drop must come after the commit, outside the transaction.
 */
@ApplicationScoped
public class StateChanges {
    private final StateChangeRepository feed;
    private final DecisionCache cache;

    StateChanges(StateChangeRepository feed, DecisionCache cache) {
        this.feed = feed;
        this.cache = cache;
    }

    public <T> Uni<T> commit(Supplier<Uni<Changed<T>>> work) {
        return Panache.withTransaction(() -> work.get().call(changed -> feed.publish(changed.keys())))
                .invoke(changed -> cache.invalidateAll(changed.keys()))
                .map(Changed::value);
    }
}

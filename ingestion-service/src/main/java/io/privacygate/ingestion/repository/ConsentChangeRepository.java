package io.privacygate.ingestion.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Consent changes heard from consent-service, and the advisory locks that order them against events
 * being stored: the worker holds a shared lock on each (subject, purpose) it stores for, a withdrawal an
 * exclusive one while it deletes. Whichever commits second sees the other's work. Pairs are written
 * {@code <subject id>/<purpose key>}; neither part can hold a comma or a slash.
 */
@ApplicationScoped
public class ConsentChangeRepository {

    public static String pair(UUID subjectId, String purpose) {
        return subjectId + "/" + purpose;
    }

    public Uni<Void> lockShared(Collection<String> pairs) {
        if (pairs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select count(pg_advisory_xact_lock_shared(hashtextextended(p, 0)))
                        from unnest(string_to_array(:pairs, ',')) p""")
                .setParameter("pairs", String.join(",", pairs.stream().sorted().toList()))
                .getSingleResult()).replaceWithVoid();
    }

    public Uni<Void> lockExclusive(String pair) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(pg_advisory_xact_lock(hashtextextended(:pair, 0)))")
                .setParameter("pair", pair)
                .getSingleResult()).replaceWithVoid();
    }

    /**
     * Records a change unless a later one for the same pair is already known (notifications may arrive
     * out of order). @return whether this change is now the latest
     */
    public Uni<Boolean> record(UUID subjectId, String purpose, String state, UUID eventId, Instant occurredAt, Instant receivedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into consent_change (subject_id, purpose, state, event_id, occurred_at, received_at)
                        values (:subject, :purpose, :state, :event, :occurred, :received)
                        on conflict (subject_id, purpose) do update set state = excluded.state, event_id = excluded.event_id,
                          occurred_at = excluded.occurred_at, received_at = excluded.received_at
                        where consent_change.occurred_at < excluded.occurred_at
                           or (consent_change.occurred_at = excluded.occurred_at and consent_change.event_id = excluded.event_id)""")
                .setParameter("subject", subjectId)
                .setParameter("purpose", purpose)
                .setParameter("state", state)
                .setParameter("event", eventId)
                .setParameter("occurred", occurredAt)
                .setParameter("received", receivedAt)
                .executeUpdate()).map(updated -> updated == 1);
    }

    /** The pairs whose consent was withdrawn or refused in a change heard at or after {@code since}. */
    @SuppressWarnings("unchecked")
    public Uni<Set<String>> revokedSince(Collection<String> pairs, Instant since) {
        if (pairs.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select cast(subject_id as text) || '/' || purpose from consent_change
                        where state <> 'GRANTED' and received_at >= :since
                          and cast(subject_id as text) || '/' || purpose = any(string_to_array(:pairs, ','))""", String.class)
                .setParameter("since", since)
                .setParameter("pairs", String.join(",", pairs))
                .getResultList()).map(found -> new HashSet<>((List<String>) found));
    }

    public Uni<Integer> deleteAllOf(UUID subjectId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("delete from consent_change where subject_id = :subject")
                .setParameter("subject", subjectId)
                .executeUpdate());
    }
}

package io.privacygate.consent.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Hits per bucket and fixed window, counted in one statement so that concurrent replicas cannot both pass. */
@ApplicationScoped
@WithSession
public class RateLimitRepository {

    /** Counts one hit and answers the bucket's hits in the window, this one included. */
    public Uni<Integer> hit(String bucket, Instant windowStart) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into privacy_rate_limit (bucket, window_start, hits) values (:bucket, :window, 1) "
                                + "on conflict (bucket, window_start) do update set hits = privacy_rate_limit.hits + 1 "
                                + "returning hits", Integer.class)
                .setParameter("bucket", bucket)
                .setParameter("window", OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC))
                .getSingleResult());
    }

    public Uni<Integer> deleteBefore(Instant windowStart) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from privacy_rate_limit where window_start < :window")
                .setParameter("window", OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC))
                .executeUpdate());
    }
}

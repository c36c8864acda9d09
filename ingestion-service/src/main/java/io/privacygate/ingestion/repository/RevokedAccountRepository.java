package io.privacygate.ingestion.repository;

import io.privacygate.ingestion.model.Platform;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Platform accounts whose authorisation of the app was revoked, by keyed digest of the account id only. */
@ApplicationScoped
public class RevokedAccountRepository {
    private final Pool pool;

    RevokedAccountRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inside the caller's transaction (with its audit event); idempotent: a revoke delivered again keeps the first time heard. */
    public Uni<Boolean> record(Platform platform, String accountKey, Instant revokedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into revoked_account (platform, account_key, revoked_at) values (:platform, :key, :at)
                        on conflict (platform, account_key) do nothing""")
                .setParameter("platform", platform.name())
                .setParameter("key", accountKey)
                .setParameter("at", revokedAt)
                .executeUpdate())
                .map(rows -> rows > 0);
    }

    public Uni<Boolean> isRevoked(Platform platform, String accountKey) {
        return pool.preparedQuery("select 1 from revoked_account where platform = $1 and account_key = $2")
                .execute(Tuple.of(platform.name(), accountKey))
                .map(rows -> rows.size() > 0);
    }
}

package io.privacygate.commons.crypto;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The table of keys a service holds wrapped. The first replica to need a key creates it; the others read
 * the same row, because creation is an insert that yields to an existing row.
 */
@ApplicationScoped
public class ManagedKeyStore {
    private final Map<String, StoredKey> cache = new ConcurrentHashMap<>();

    public record StoredKey(String wrappedKey, String publicKey) {
    }

    public Uni<StoredKey> getOrCreate(String name, Supplier<Uni<StoredKey>> generator) {
        StoredKey cached = cache.get(name);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return Panache.withSession(() -> find(name)
                        .onItem().ifNull().switchTo(() -> generator.get()
                                .chain(created -> insertIfAbsent(name, created))
                                .chain(() -> find(name))))
                .invoke(key -> cache.put(name, key));
    }

    private Uni<StoredKey> find(String name) {
        return Panache.getSession()
                .chain(session -> session.find(ManagedKeyRecord.class, name))
                .map(row -> row == null ? null : new StoredKey(row.wrappedKey, row.publicKey));
    }

    private Uni<Integer> insertIfAbsent(String name, StoredKey key) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into managed_key (name, wrapped_key, public_key, created_at)
                        values (:name, :wrapped, :public, now())
                        on conflict (name) do nothing""")
                .setParameter("name", name)
                .setParameter("wrapped", key.wrappedKey())
                .setParameter("public", key.publicKey())
                .executeUpdate());
    }
}

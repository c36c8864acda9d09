package io.privacygate.commons.crypto;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Supplier;

/**
 * The table of keys a service holds wrapped, each row naming the KEK that wraps it so that rotation can rewrap it.
 * The first replica to need a key creates it; the others read the same row, because creation is an insert that
 * yields to an existing row. Nothing is cached here: the wrapped form changes when a rotation rewraps it, and the
 * users of a key hold it opened ({@link ManagedKey}).
 */
@ApplicationScoped
public class ManagedKeyStore {

    public record StoredKey(String wrappedKey, String publicKey) {
    }

    /** A key of a family of successive keys, by name, with its public part. */
    public record PublicPart(String name, String publicKey) {
    }

    /**
     * The public parts of a family of keys that replace one another: the key named {@code family} and those named
     * {@code family@<generation>}, in no particular order.
     */
    public Uni<List<PublicPart>> family(String family) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createQuery(
                        "select name, publicKey from ManagedKeyRecord where name = :family or name like :generations",
                        Object[].class)
                .setParameter("family", family)
                .setParameter("generations", family + "@%")
                .getResultList()))
                .map(rows -> rows.stream().map(row -> new PublicPart((String) row[0], (String) row[1])).toList());
    }

    public Uni<StoredKey> getOrCreate(String name, WrappingKey kek, Supplier<Uni<StoredKey>> generator) {
        return Panache.withSession(() -> find(name)
                .onItem().ifNull().switchTo(() -> generator.get()
                        .chain(created -> insertIfAbsent(name, kek, created))
                        .chain(() -> find(name))));
    }

    private Uni<StoredKey> find(String name) {
        return Panache.getSession()
                .chain(session -> session.find(ManagedKeyRecord.class, name))
                .map(row -> row == null ? null : new StoredKey(row.wrappedKey, row.publicKey));
    }

    private Uni<Integer> insertIfAbsent(String name, WrappingKey kek, StoredKey key) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into managed_key (name, kek, wrapped_key, public_key, created_at)
                        values (:name, :kek, :wrapped, :public, now())
                        on conflict (name) do nothing""")
                .setParameter("name", name)
                .setParameter("kek", kek.name())
                .setParameter("wrapped", key.wrappedKey())
                .setParameter("public", key.publicKey())
                .executeUpdate());
    }
}

package io.privacygate.commons.crypto;

import io.privacygate.commons.notify.ChangeNotices;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Envelope encryption per data subject (DESIGN §3): each subject has its own AES-256 data key, stored
 * only wrapped by the subject KEK. Callers run inside a session; the unwrapped key is cached briefly so
 * that a busy subject does not cost a key-provider call per field, and dropped on every replica as soon as a
 * shredding commits ({@link UnwrappedKeyCache}).
 */
@ApplicationScoped
public class SubjectKeys {
    private static final int ROWS_PER_INSERT = 1_000;
    /** Calls in flight at once to the key provider (Vault Transit is a remote service). */
    private static final int KEY_PROVIDER_CONCURRENCY = 16;
    private final KeyProvider provider;
    private final CryptoFailures failures;
    private final UnwrappedKeyCache unwrapped;
    private final ChangeNotices notices;
    private final CiphertextFormats formats;

    SubjectKeys(KeyProvider provider, CryptoFailures failures, UnwrappedKeyCache unwrapped, ChangeNotices notices,
                CiphertextFormats formats) {
        this.provider = provider;
        this.failures = failures;
        this.unwrapped = unwrapped;
        this.notices = notices;
        this.formats = formats;
    }

    /** The cipher of a subject, creating its data key on first use (for writes). */
    public Uni<SubjectCipher> forWriting(UUID subjectId) {
        byte[] cached = unwrapped.get(subjectId);
        if (cached != null) {
            return Uni.createFrom().item(cipher(subjectId, cached));
        }
        long generation = unwrapped.generation();
        return find(subjectId).chain(row -> row != null
                ? unwrapAndCache(subjectId, row.wrappedDek, generation)
                : create(subjectId, generation));
    }

    /**
     * The ciphers of many subjects at once, creating the data keys they lack: one select for all and one
     * insert for the new keys, where one subject at a time would cost a round trip each (a busy ingestion round).
     */
    public Uni<Map<UUID, SubjectCipher>> forWriting(Collection<UUID> subjectIds) {
        Map<UUID, SubjectCipher> ciphers = new HashMap<>();
        List<UUID> uncached = new ArrayList<>();
        for (UUID subjectId : new LinkedHashSet<>(subjectIds)) {
            byte[] cached = unwrapped.get(subjectId);
            if (cached != null) {
                ciphers.put(subjectId, cipher(subjectId, cached));
            } else {
                uncached.add(subjectId);
            }
        }
        if (uncached.isEmpty()) {
            return Uni.createFrom().item(ciphers);
        }
        long generation = unwrapped.generation();
        return findAll(uncached)
                .chain(stored -> unwrapAll(stored, generation).invoke(ciphers::putAll)
                        .chain(() -> createAll(uncached.stream().filter(id -> !ciphers.containsKey(id)).toList(),
                                generation)))
                .map(created -> {
                    ciphers.putAll(created);
                    return ciphers;
                });
    }

    /** The cipher of a subject whose key must already exist (for reads). */
    public Uni<SubjectCipher> forReading(UUID subjectId) {
        byte[] cached = unwrapped.get(subjectId);
        if (cached != null) {
            return Uni.createFrom().item(cipher(subjectId, cached));
        }
        long generation = unwrapped.generation();
        return find(subjectId).chain(row -> {
            if (row == null) {
                return Uni.createFrom().failure(new SubjectKeyShreddedException());
            }
            return unwrapAndCache(subjectId, row.wrappedDek, generation);
        });
    }

    /**
     * Crypto-shredding (Art. 17): deletes the data key so every ciphertext of the subject, backups
     * included, becomes unreadable, and tells every replica to drop it from memory when the caller's transaction
     * commits. Returns whether a key existed; a second call is a no-op.
     */
    public Uni<Boolean> shred(UUID subjectId) {
        unwrapped.drop(subjectId);
        return Panache.getSession()
                .chain(session -> session.createMutationQuery("delete from SubjectKeyRecord where subjectId = :id")
                        .setParameter("id", subjectId)
                        .executeUpdate())
                .call(() -> notices.publish(UnwrappedKeyCache.CHANNEL, List.of(subjectId.toString())))
                .map(deleted -> deleted > 0)
                .invoke(() -> unwrapped.drop(subjectId));
    }

    private Uni<SubjectKeyRecord> find(UUID subjectId) {
        return Panache.getSession().chain(session -> session.find(SubjectKeyRecord.class, subjectId));
    }

    private Uni<List<SubjectKeyRecord>> findAll(Collection<UUID> subjectIds) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from SubjectKeyRecord where subjectId in :ids", SubjectKeyRecord.class)
                .setParameter("ids", subjectIds)
                .getResultList());
    }

    private Uni<Map<UUID, SubjectCipher>> unwrapAll(List<SubjectKeyRecord> stored, long generation) {
        return Multi.createFrom().iterable(stored)
                .onItem().transformToUni(row -> unwrapAndCache(row.subjectId, row.wrappedDek, generation)
                        .map(cipher -> Map.entry(row.subjectId, cipher)))
                .merge(KEY_PROVIDER_CONCURRENCY)
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** As {@link #create}, for many: keys another writer stored first win, and are read back. */
    private Uni<Map<UUID, SubjectCipher>> createAll(List<UUID> subjectIds, long generation) {
        if (subjectIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<UUID, byte[]> deks = new HashMap<>();
        subjectIds.forEach(id -> deks.put(id, AesGcm.newKey()));
        return Multi.createFrom().iterable(subjectIds)
                .onItem().transformToUni(id -> provider.wrap(WrappingKey.SUBJECT_KEK, deks.get(id))
                        .map(wrapped -> Map.entry(id, wrapped)))
                .merge(KEY_PROVIDER_CONCURRENCY)
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue)
                .chain(wrapped -> insertAll(wrapped).chain(() -> findAll(subjectIds)).chain(stored -> {
                    List<SubjectKeyRecord> raced = new ArrayList<>();
                    Map<UUID, SubjectCipher> ciphers = new HashMap<>();
                    for (SubjectKeyRecord row : stored) {
                        if (row.wrappedDek.equals(wrapped.get(row.subjectId))) {
                            ciphers.put(row.subjectId, cache(row.subjectId, deks.get(row.subjectId), generation));
                        } else {
                            raced.add(row);
                        }
                    }
                    return unwrapAll(raced, generation).map(others -> {
                        ciphers.putAll(others);
                        return ciphers;
                    });
                }));
    }

    /** One statement per {@value #ROWS_PER_INSERT} keys, well inside PostgreSQL's limit on bind parameters. */
    private Uni<Void> insertAll(Map<UUID, String> wrapped) {
        List<Map.Entry<UUID, String>> rows = List.copyOf(wrapped.entrySet());
        List<List<Map.Entry<UUID, String>>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(this::insert)
                .collect().last().replaceWithVoid();
    }

    private Uni<Integer> insert(List<Map.Entry<UUID, String>> rows) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :wrapped").append(i).append(", now())");
        }
        return Panache.getSession().chain(session -> {
            var statement = session.createNativeQuery("insert into subject_key (subject_id, wrapped_dek, created_at) values "
                    + values + " on conflict (subject_id) do nothing");
            for (int i = 0; i < rows.size(); i++) {
                statement.setParameter("id" + i, rows.get(i).getKey()).setParameter("wrapped" + i, rows.get(i).getValue());
            }
            return statement.executeUpdate();
        });
    }

    /** Two first writes for one subject may race: the insert yields, and both use the stored key. */
    private Uni<SubjectCipher> create(UUID subjectId, long generation) {
        byte[] dek = AesGcm.newKey();
        return provider.wrap(WrappingKey.SUBJECT_KEK, dek)
                .chain(wrapped -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                insert into subject_key (subject_id, wrapped_dek, created_at) values (:id, :wrapped, now())
                                on conflict (subject_id) do nothing""")
                        .setParameter("id", subjectId)
                        .setParameter("wrapped", wrapped)
                        .executeUpdate()))
                .chain(inserted -> inserted == 1
                        ? Uni.createFrom().item(cache(subjectId, dek, generation))
                        : forReading(subjectId));
    }

    private Uni<SubjectCipher> unwrapAndCache(UUID subjectId, String wrapped, long generation) {
        return provider.unwrap(WrappingKey.SUBJECT_KEK, wrapped).map(dek -> cache(subjectId, dek, generation));
    }

    private SubjectCipher cache(UUID subjectId, byte[] dek, long generation) {
        unwrapped.put(subjectId, dek, generation);
        return cipher(subjectId, dek);
    }

    private SubjectCipher cipher(UUID subjectId, byte[] dek) {
        return new SubjectCipher(subjectId, dek, failures::decryptionFailed, formats.subjectOnlyRead());
    }
}

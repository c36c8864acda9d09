package io.privacygate.commons.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.privacygate.commons.security.SecurityFailures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.UUID;

/**
 * Envelope encryption per data subject (DESIGN §3): each subject has its own AES-256 data key, stored
 * only wrapped by the subject KEK. Callers run inside a session; the unwrapped key is cached briefly so
 * that a busy subject does not cost a key-provider call per field.
 */
@ApplicationScoped
public class SubjectKeys {
    private final KeyProvider provider;
    private final SecurityFailures failures;
    private final Cache<UUID, byte[]> unwrapped = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(60))
            .build();

    SubjectKeys(KeyProvider provider, SecurityFailures failures) {
        this.provider = provider;
        this.failures = failures;
    }

    /** The cipher of a subject, creating its data key on first use (for writes). */
    public Uni<SubjectCipher> forWriting(UUID subjectId) {
        byte[] cached = unwrapped.getIfPresent(subjectId);
        if (cached != null) {
            return Uni.createFrom().item(cipher(subjectId, cached));
        }
        return find(subjectId).chain(row -> row != null
                ? unwrapAndCache(subjectId, row.wrappedDek)
                : create(subjectId));
    }

    /** The cipher of a subject whose key must already exist (for reads). */
    public Uni<SubjectCipher> forReading(UUID subjectId) {
        byte[] cached = unwrapped.getIfPresent(subjectId);
        if (cached != null) {
            return Uni.createFrom().item(cipher(subjectId, cached));
        }
        return find(subjectId).chain(row -> {
            if (row == null) {
                return Uni.createFrom().failure(new SubjectKeyShreddedException());
            }
            return unwrapAndCache(subjectId, row.wrappedDek);
        });
    }

    /**
     * Crypto-shredding (Art. 17): deletes the data key so every ciphertext of the subject, backups
     * included, becomes unreadable. Returns whether a key existed; a second call is a no-op.
     */
    public Uni<Boolean> shred(UUID subjectId) {
        unwrapped.invalidate(subjectId);
        return Panache.getSession()
                .chain(session -> session.createMutationQuery("delete from SubjectKeyRecord where subjectId = :id")
                        .setParameter("id", subjectId)
                        .executeUpdate())
                .map(deleted -> deleted > 0)
                .invoke(() -> unwrapped.invalidate(subjectId));
    }

    private Uni<SubjectKeyRecord> find(UUID subjectId) {
        return Panache.getSession().chain(session -> session.find(SubjectKeyRecord.class, subjectId));
    }

    /** Two first writes for one subject may race: the insert yields, and both use the stored key. */
    private Uni<SubjectCipher> create(UUID subjectId) {
        byte[] dek = AesGcm.newKey();
        return provider.wrap(WrappingKey.SUBJECT_KEK, dek)
                .chain(wrapped -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                insert into subject_key (subject_id, wrapped_dek, created_at) values (:id, :wrapped, now())
                                on conflict (subject_id) do nothing""")
                        .setParameter("id", subjectId)
                        .setParameter("wrapped", wrapped)
                        .executeUpdate()))
                .chain(inserted -> inserted == 1
                        ? Uni.createFrom().item(cache(subjectId, dek))
                        : forReading(subjectId));
    }

    private Uni<SubjectCipher> unwrapAndCache(UUID subjectId, String wrapped) {
        return provider.unwrap(WrappingKey.SUBJECT_KEK, wrapped).map(dek -> cache(subjectId, dek));
    }

    private SubjectCipher cache(UUID subjectId, byte[] dek) {
        unwrapped.put(subjectId, dek);
        return cipher(subjectId, dek);
    }

    private SubjectCipher cipher(UUID subjectId, byte[] dek) {
        return new SubjectCipher(subjectId, dek, failures::decryptionFailed);
    }
}

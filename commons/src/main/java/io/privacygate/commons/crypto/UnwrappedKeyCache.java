package io.privacygate.commons.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.privacygate.commons.notify.ChangeFeed;
import io.privacygate.commons.notify.ChangeFeedSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unwrapped subject data keys, held briefly so that a busy subject does not cost a key-provider call per field. A
 * shredded key is gone at once on every replica: shredding publishes the subject on {@value #CHANNEL} inside its
 * transaction, and each replica's {@link ChangeFeed} drops it here when the erasure commits. While the feed is down a
 * shredding could be missed, so nothing is kept until it is back.
 * <p>
 * A key read from the database just before another replica's erasure committed must not be kept after the drop:
 * each load notes the count of drops when it starts ({@link #generation()}), and is kept only if no drop came since.
 */
@ApplicationScoped
class UnwrappedKeyCache implements ChangeFeedSubscriber {
    static final String CHANNEL = "subject_keys_shredded";
    private static final Logger LOG = Logger.getLogger(UnwrappedKeyCache.class);

    private final Cache<UUID, byte[]> keys = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(60))
            .build();
    private final AtomicLong drops = new AtomicLong();
    private volatile boolean live;

    /** The key, or null when it is not held (or nothing is kept while the feed is down). */
    byte[] get(UUID subjectId) {
        return live ? keys.getIfPresent(subjectId) : null;
    }

    /** To be read before a load starts, and handed to {@link #put}. */
    long generation() {
        return drops.get();
    }

    void put(UUID subjectId, byte[] key, long generation) {
        if (!live || drops.get() != generation) {
            return;
        }
        keys.put(subjectId, key);
        // a drop between the check and the put: undo it
        if (drops.get() != generation) {
            keys.invalidate(subjectId);
        }
    }

    void drop(UUID subjectId) {
        drops.incrementAndGet();
        keys.invalidate(subjectId);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void changed(String payload) {
        for (String subject : payload.split(",")) {
            try {
                drop(UUID.fromString(subject));
            } catch (IllegalArgumentException e) {
                // not ours to act on; anything else on the channel is dropped wholesale, which is always safe
                LOG.warn("A notification on the shredded-keys channel names no subject; every cached key is dropped");
                dropAll();
            }
        }
    }

    @Override
    public void live(boolean live) {
        dropAll();
        this.live = live;
    }

    private void dropAll() {
        drops.incrementAndGet();
        keys.invalidateAll();
    }
}

package io.privacygate.audit.service.detection;

import java.time.Instant;
import java.util.Map;

/** One rule's open episodes by key, bounded: the least recently active key is forgotten beyond the maximum. */
final class Episodes {
    private final Map<String, Episode> open;

    Episodes(int maxKeys) {
        this.open = Lru.map(maxKeys);
    }

    /** The key's episode if an event at {@code at} still belongs to it; a finished one is dropped. */
    Episode active(String key, Instant at) {
        Episode episode = open.get(key);
        if (episode == null) {
            return null;
        }
        if (episode.activeAt(at)) {
            return episode;
        }
        open.remove(key);
        return null;
    }

    void start(Episode episode) {
        open.put(episode.key(), episode);
    }

    void sweep(Instant watermark) {
        open.values().removeIf(episode -> !episode.activeAt(watermark));
    }

    void clear() {
        open.clear();
    }
}

package io.privacygate.audit.service.detection;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps in access order that forget their least recently used entry beyond a size: detection memory is bounded. */
final class Lru {
    private Lru() {
    }

    static <V> Map<String, V> map(int maxSize) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > maxSize;
            }
        };
    }
}

package io.privacygate.audit.service.tree;

import io.privacygate.audit.config.AuditConfig;
import io.privacygate.audit.model.tlog.TilePath;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Full hash tiles already read, bounded, least recently used forgotten first. Only full tiles are held: their 256
 * subtrees are complete, so their bytes are final (c2sp.org/tlog-tiles: "This endpoint is immutable").
 */
@ApplicationScoped
public class FullTileCache {
    private final Map<TilePath, byte[]> tiles;

    FullTileCache(AuditConfig config) {
        int capacity = config.tiles().cacheSize();
        this.tiles = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TilePath, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized byte[] get(TilePath tile) {
        return tiles.get(tile);
    }

    public synchronized void put(TilePath tile, byte[] hashes) {
        if (tile.full()) {
            tiles.put(tile, hashes);
        }
    }
}

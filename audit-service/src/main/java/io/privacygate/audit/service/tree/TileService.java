package io.privacygate.audit.service.tree;

import io.privacygate.audit.model.LogEntry;
import io.privacygate.audit.model.MerkleHash;
import io.privacygate.audit.model.NodeId;
import io.privacygate.audit.repository.LogEntryRepository;
import io.privacygate.audit.repository.MerkleNodeRepository;
import io.privacygate.audit.repository.MerkleNodeRepository.LevelRange;
import io.privacygate.audit.model.tlog.EntryBundle;
import io.privacygate.audit.model.tlog.TilePath;
import io.privacygate.commons.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The log as c2sp.org/tlog-tiles tiles, read from the stored subtrees: hash {@code i} of the tile at level L, index N
 * is the subtree at Merkle level 8·L, index 256·N + i, which the append stored when it completed. A tile exists once
 * all its hashes do, so its bytes never change; the full ones are kept in memory once read.
 */
@ApplicationScoped
public class TileService {
    private final Pool pool;
    private final TreeService tree;
    private final LogEntryRepository entries;
    private final MerkleNodeRepository nodes;
    private final FullTileCache cache;

    TileService(Pool pool, TreeService tree, LogEntryRepository entries, MerkleNodeRepository nodes, FullTileCache cache) {
        this.pool = pool;
        this.tree = tree;
        this.entries = entries;
        this.nodes = nodes;
        this.cache = cache;
    }

    /** The tile's hashes, concatenated; a 404 if the log does not have all of them yet. */
    public Uni<byte[]> hashTile(TilePath tile) {
        byte[] cached = cache.get(tile);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return exists(tile).chain(() -> tile.level() == 0
                        ? entries.leafHashes(pool, tile.firstHash(), tile.firstHash() + tile.width())
                        : nodes.findRanges(pool, List.of(new LevelRange(tile.level() * TilePath.HEIGHT, tile.firstHash(),
                                tile.firstHash() + tile.width() - 1))).map(found -> ordered(tile, found)))
                .map(hashes -> concatenated(tile, hashes))
                .invoke(hashes -> cache.put(tile, hashes));
    }

    /** The entry bundle: the exact leaf bytes of the level-0 tile's entries, each prefixed by its uint16 length. */
    public Uni<byte[]> entryBundle(TilePath bundle) {
        return exists(bundle).chain(() -> entries.leaves(pool, bundle.firstHash(), bundle.firstHash() + bundle.width()))
                .map(leaves -> {
                    if (leaves.size() != bundle.width()) {
                        throw new IllegalStateException("Entries of bundle " + bundle.bundlePath() + " are missing below the tree size");
                    }
                    return EntryBundle.frame(leaves.stream().map(LogEntry::leafData).toList());
                });
    }

    /**
     * A tile is served when the tree holds all its hashes: a full tile once its 256 subtrees are complete, a partial
     * one of width W once W are (any tree at least that large has exactly those W first hashes).
     */
    private Uni<Void> exists(TilePath tile) {
        long needed = tile.level() * TilePath.HEIGHT >= Long.SIZE - 1 ? Long.MAX_VALUE : tileEnd(tile);
        return tree.sizeFor(needed).map(size -> {
            if (TilePath.widthIn(size, tile.level(), tile.index()) < tile.width()) {
                throw ProblemException.notFound("The log has no such tile yet.");
            }
            return null;
        });
    }

    /** The tree size that completes the tile's last hash, saturating where it would pass any size. */
    private static long tileEnd(TilePath tile) {
        int shift = tile.level() * TilePath.HEIGHT;
        long hashes = tile.firstHash() + tile.width();
        return hashes > (Long.MAX_VALUE >>> shift) ? Long.MAX_VALUE : hashes << shift;
    }

    private static List<byte[]> ordered(TilePath tile, Map<NodeId, byte[]> found) {
        int level = tile.level() * TilePath.HEIGHT;
        return LongStream.range(tile.firstHash(), tile.firstHash() + tile.width())
                .mapToObj(index -> found.get(new NodeId(level, index))).toList();
    }

    private static byte[] concatenated(TilePath tile, List<byte[]> hashes) {
        if (hashes.size() != tile.width() || hashes.contains(null)) {
            throw new IllegalStateException("Subtrees of tile " + tile.path() + " are missing below the tree size");
        }
        ByteBuffer bytes = ByteBuffer.allocate(tile.width() * MerkleHash.SIZE);
        hashes.forEach(bytes::put);
        return bytes.array();
    }
}

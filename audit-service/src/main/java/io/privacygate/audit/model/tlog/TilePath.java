package io.privacygate.audit.model.tlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tile of c2sp.org/tlog-tiles: {@code width} consecutive hashes at tile level {@code level} (Merkle level 8·level)
 * from hash {@code index·256}, or, for an entry bundle, the entries they hash. A full tile is 256 wide; a partial one
 * 1–255 and carries {@code .p/<width>} in its path.
 */
public record TilePath(int level, long index, int width) {
    /** Tile height 8: a full tile is 256 hashes, 8,192 bytes. */
    public static final int HEIGHT = 8;
    public static final int FULL_WIDTH = 1 << HEIGHT;
    /** "between 0 and 63": levels beyond 7 exist in the path syntax but hold nothing in a tree of at most 2^63 leaves. */
    public static final int MAX_LEVEL = 63;
    private static final int PATH_BASE = 1000;
    private static final Pattern LEVEL = Pattern.compile("0|[1-9][0-9]?");
    private static final Pattern INDEX_AND_WIDTH = Pattern.compile("((?:x[0-9]{3}/)*[0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

    public TilePath {
        // The index bound keeps the tile's hash positions, 256·index + width, within a long.
        if (level < 0 || level > MAX_LEVEL || index < 0 || index >= Long.MAX_VALUE / FULL_WIDTH || width < 1
                || width > FULL_WIDTH) {
            throw new IllegalArgumentException("No such tile");
        }
    }

    /** @throws IllegalArgumentException unless {@code path} is {@code <L>/<N>[.p/<W>]}, written exactly as the spec writes it */
    public static TilePath parse(String path) {
        int slash = path.indexOf('/');
        if (slash < 0 || !LEVEL.matcher(path.substring(0, slash)).matches()) {
            throw new IllegalArgumentException("A tile path starts with a level");
        }
        int level = Integer.parseInt(path.substring(0, slash));
        if (level > MAX_LEVEL) {
            throw new IllegalArgumentException("A tile level is at most " + MAX_LEVEL);
        }
        return parse(level, path.substring(slash + 1));
    }

    /** An entry bundle's path after {@code tile/entries/}: {@code <N>[.p/<W>]}; its hashes are the level-0 tile's. */
    public static TilePath parseBundle(String path) {
        return parse(0, path);
    }

    private static TilePath parse(int level, String indexAndWidth) {
        Matcher matcher = INDEX_AND_WIDTH.matcher(indexAndWidth);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("A tile index is 3-digit path elements, all but the last starting with x");
        }
        long index = 0;
        for (String element : matcher.group(1).split("/")) {
            long digits = Long.parseLong(element.startsWith("x") ? element.substring(1) : element);
            if (index > (Long.MAX_VALUE / FULL_WIDTH - digits) / PATH_BASE) {
                throw new IllegalArgumentException("A tile index is too large");
            }
            index = index * PATH_BASE + digits;
        }
        int width = matcher.group(2) == null ? FULL_WIDTH : Integer.parseInt(matcher.group(2));
        if (width >= FULL_WIDTH && matcher.group(2) != null) {
            throw new IllegalArgumentException("A partial tile is 1 to 255 wide");
        }
        TilePath tile = new TilePath(level, index, width);
        // Only one spelling per tile ("x000/001" is not "001"), so that caches and mirrors never hold two copies.
        if (!tile.indexAndWidth().equals(indexAndWidth)) {
            throw new IllegalArgumentException("A tile path is not written as the spec writes it");
        }
        return tile;
    }

    public boolean full() {
        return width == FULL_WIDTH;
    }

    /** {@code <L>/<N>[.p/<W>]}, as after {@code tile/}. */
    public String path() {
        return level + "/" + indexAndWidth();
    }

    /** {@code <N>[.p/<W>]}, as after {@code tile/entries/}. */
    public String bundlePath() {
        return indexAndWidth();
    }

    /** The index of the first hash of the tile at Merkle level 8·level. */
    public long firstHash() {
        return index * FULL_WIDTH;
    }

    /**
     * How many hashes the tile at {@code level}, {@code index} has in a tree of {@code treeSize} leaves: 256 when
     * full, fewer when it is the rightmost, partial one, 0 when it does not exist yet.
     */
    public static int widthIn(long treeSize, int level, long index) {
        if (level * HEIGHT >= Long.SIZE - 1) {
            return 0;
        }
        long hashes = treeSize >>> (level * HEIGHT);
        long before = index > hashes / FULL_WIDTH ? hashes : index * FULL_WIDTH;
        return (int) Math.min(FULL_WIDTH, hashes - before);
    }

    private String indexAndWidth() {
        long n = index;
        StringBuilder path = new StringBuilder(String.format("%03d", n % PATH_BASE));
        while (n >= PATH_BASE) {
            n /= PATH_BASE;
            path.insert(0, String.format("x%03d/", n % PATH_BASE));
        }
        return full() ? path.toString() : path + ".p/" + width;
    }
}

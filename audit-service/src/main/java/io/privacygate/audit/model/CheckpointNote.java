package io.privacygate.audit.model;

import java.util.Arrays;
import java.util.Base64;

/**
 * A checkpoint in the C2SP tlog-checkpoint text form: the log's origin, the tree size in decimal and the
 * base64 root hash, each line ending in a newline. The signature is over exactly these UTF-8 bytes.
 */
public record CheckpointNote(String origin, long treeSize, byte[] rootHash) {

    public CheckpointNote {
        if (origin == null || origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("The origin must be one non-empty line");
        }
        if (treeSize < 0 || rootHash == null || rootHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("A checkpoint needs a size of 0 or more and a 32-byte root hash");
        }
    }

    public String text() {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** @throws IllegalArgumentException if the text is not a three-line checkpoint */
    public static CheckpointNote parse(String text) {
        if (text == null || !text.endsWith("\n")) {
            throw new IllegalArgumentException("A checkpoint note ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != 3 || !lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("A checkpoint note has an origin, a decimal size and a root hash");
        }
        try {
            return new CheckpointNote(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A checkpoint note's size or root hash is malformed", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckpointNote note && note.origin.equals(origin) && note.treeSize == treeSize
                && Arrays.equals(note.rootHash, rootHash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin.hashCode() + Long.hashCode(treeSize)) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return text();
    }
}

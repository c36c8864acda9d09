package io.privacygate.audit.cli;

import io.privacygate.commons.tlog.MerkleProofs;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.audit.model.CheckpointNote;
import io.privacygate.audit.model.MerkleHash;
import io.privacygate.audit.model.NodeId;
import io.privacygate.audit.model.ProofBuilder;
import io.privacygate.audit.model.tlog.CosignerKey;
import io.privacygate.audit.model.tlog.EntryBundle;
import io.privacygate.audit.model.tlog.SignedNote;
import io.privacygate.audit.model.tlog.TileNodes;
import io.privacygate.audit.model.tlog.TilePath;
import io.privacygate.audit.model.tlog.VerifierKey;
import io.privacygate.audit.model.tlog.NoteVerifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verifier's commands over the transparency-log formats: a C2SP signed note checked against a list of verifier
 * keys, and inclusion (and consistency with an older note) proven from a directory of downloaded tiles, laid out as
 * their URLs are ({@code DIR/tile/0/x001/067}, {@code DIR/tile/entries/000.p/12}).
 */
final class TileProof {
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    interface Checks {
        void check(boolean passed, String claim);
    }

    private final Map<String, String> options;
    private final Checks checks;
    private final PrintStream out;

    TileProof(Map<String, String> options, Checks checks, PrintStream out) {
        this.options = options;
        this.checks = checks;
        this.out = out;
    }

    /** {@code note}: the checkpoint is signed by a listed key with the log's name. */
    void note() throws IOException {
        signedHead("checkpoint", "checkpoint");
    }

    /** {@code tiles}: the entry at {@code --index} is in the log of the signed checkpoint, from tiles alone. */
    void inclusion() throws IOException {
        CheckpointNote head = signedHead("checkpoint", "checkpoint");
        long index = index(head.treeSize());
        Path dir = Path.of(required("tiles"));
        TileNodes tiles = new TileNodes(head.treeSize(), tile -> read(dir.resolve("tile/" + tile.path())));

        checks.check(Arrays.equals(ProofBuilder.root(head.treeSize(), tiles), head.rootHash()),
                "the tiles hash to the signed root (RFC 6962 MTH of " + head.treeSize() + " entries)");
        TilePath bundlePath = TileNodes.tileOf(new NodeId(0, index), head.treeSize());
        byte[] bundle = read(dir.resolve("tile/entries/" + bundlePath.bundlePath()));
        if (bundle == null) {
            throw new IllegalArgumentException("the entry bundle tile/entries/" + bundlePath.bundlePath() + " is missing");
        }
        List<byte[]> entries = EntryBundle.parse(bundle);
        checks.check(entries.size() == bundlePath.width(), "the entry bundle holds the " + bundlePath.width() + " entries of its tile");
        int position = (int) (index % TilePath.FULL_WIDTH);
        if (position >= entries.size()) {
            return;
        }
        byte[] leaf = entries.get(position);
        byte[] leafHash = MerkleHash.leaf(leaf);
        checks.check(Arrays.equals(leafHash, tiles.apply(new NodeId(0, index))),
                "entry " + index + " hashes to its level-0 tile hash, SHA-256(0x00 ‖ entry)");
        checks.check(MerkleProofs.inclusion(index, head.treeSize(), leafHash, ProofBuilder.inclusion(index, head.treeSize(), tiles),
                head.rootHash()), "the inclusion proof computed from the tiles leads from entry " + index + " to the signed root");
        out.println("  entry " + index + ": " + new String(leaf, StandardCharsets.UTF_8));

        if (options.containsKey("old")) {
            CheckpointNote old = signedHead("old checkpoint", "old");
            checks.check(old.origin().equals(head.origin()), "both checkpoints are of the log " + head.origin());
            if (old.treeSize() > head.treeSize()) {
                checks.check(false, "the old checkpoint is not larger than the new one");
                return;
            }
            checks.check(MerkleProofs.consistency(old.treeSize(), head.treeSize(), old.rootHash(), head.rootHash(),
                            ProofBuilder.consistency(old.treeSize(), head.treeSize(), tiles)),
                    "the consistency proof computed from the tiles shows the log of " + old.treeSize()
                            + " entries unchanged within the signed one of " + head.treeSize());
        }
    }

    /** {@code tiles-needed}: the paths, one a line, that {@code tiles} will read for the same options. */
    void needed() throws IOException {
        CheckpointNote head = CheckpointNote.parse(SignedNote.parse(text("checkpoint")).text());
        long index = index(head.treeSize());
        Set<NodeId> nodes = new LinkedHashSet<>(ProofBuilder.rootNodes(head.treeSize()));
        nodes.add(new NodeId(0, index));
        nodes.addAll(ProofBuilder.inclusionNodes(index, head.treeSize()));
        if (options.containsKey("old")) {
            long oldSize = CheckpointNote.parse(SignedNote.parse(text("old")).text()).treeSize();
            if (oldSize <= head.treeSize()) {
                nodes.addAll(ProofBuilder.consistencyNodes(oldSize, head.treeSize()));
            }
        }
        Set<String> paths = new LinkedHashSet<>();
        nodes.forEach(node -> paths.add("tile/" + TileNodes.tileOf(node, head.treeSize()).path()));
        paths.add("tile/entries/" + TileNodes.tileOf(new NodeId(0, index), head.treeSize()).bundlePath());
        paths.forEach(out::println);
    }

    /**
     * Verifies the signed note against the key list and answers what its text states. The log's own signature must be
     * among those that verify: a listed key named after the checkpoint's origin (c2sp.org/tlog-checkpoint).
     */
    private CheckpointNote signedHead(String name, String option) throws IOException {
        SignedNote note = SignedNote.parse(text(option));
        CheckpointNote head = CheckpointNote.parse(note.text());
        List<NoteVerifier> verified;
        try {
            verified = note.verify(keys());
        } catch (IllegalArgumentException e) {
            checks.check(false, "the " + name + " is signed by a listed key: " + e.getMessage());
            return head;
        }
        verified.forEach(key -> checks.check(true, "the " + name + " is signed by " + key.encoded()));
        checks.check(verified.stream().anyMatch(key -> key instanceof VerifierKey && key.name().equals(head.origin())),
                "the " + name + " is signed by the log's own key, named " + head.origin());
        int quorum = quorum();
        if (quorum > 0) {
            long witnesses = verified.stream().filter(CosignerKey.class::isInstance).count();
            checks.check(witnesses >= quorum, "the " + name + " is cosigned by " + witnesses + " of the listed witnesses, "
                    + "at least " + quorum + " (c2sp.org/tlog-cosignature)");
        }
        out.println("  " + name + ": " + head.origin() + ", " + head.treeSize() + " entries, root " + HEX.formatHex(head.rootHash()));
        return head;
    }

    /** One verifier key a line ({@code #} comments and blank lines skipped), or the keys document of the API. */
    private List<NoteVerifier> keys() throws IOException {
        String text = text("keys");
        List<NoteVerifier> keys = new ArrayList<>();
        if (text.stripLeading().startsWith("{")) {
            JSON.readTree(text).path("keys").forEach(key -> keys.add(NoteVerifier.parse(key.path("verifierKey").asText())));
        } else {
            text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> keys.add(NoteVerifier.parse(line)));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the key list holds no verifier key");
        }
        return keys;
    }

    /** {@code --quorum N}: how many listed witnesses must have cosigned; 0 (the default) asks for none. */
    private int quorum() {
        String value = options.getOrDefault("quorum", "0");
        try {
            int quorum = Integer.parseInt(value);
            if (quorum < 0) {
                throw new IllegalArgumentException("--quorum must be 0 or more");
            }
            return quorum;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--quorum is not a whole number", e);
        }
    }

    private long index(long treeSize) {
        long index;
        try {
            index = Long.parseLong(required("index"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--index is not a whole number", e);
        }
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("--index must be below the checkpoint's tree size " + treeSize);
        }
        return index;
    }

    private String text(String option) throws IOException {
        return Files.readString(file(options, option), StandardCharsets.UTF_8);
    }

    private String required(String option) {
        return value(options, option);
    }

    static Path file(Map<String, String> options, String option) {
        return Path.of(value(options, option));
    }

    private static String value(Map<String, String> options, String option) {
        String value = options.get(option);
        if (value == null) {
            throw new IllegalArgumentException("--" + option + " is required");
        }
        return value;
    }

    /** The file's bytes, or null if there is no such file: a missing tile is reported by the caller. */
    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file, e);
        }
    }
}

package io.privacygate.audit.cli;

import io.privacygate.commons.tlog.MerkleProofs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.audit.model.CanonicalJson;
import io.privacygate.audit.model.CheckpointNote;
import io.privacygate.audit.model.Ed25519;
import io.privacygate.audit.model.MerkleHash;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The offline verifier: checks, without any Privacy Gate service, that an entry is in the log a signed
 * checkpoint commits to, or that one checkpoint's log is a prefix of another's. Inputs are the JSON
 * documents the audit API serves, or the signed note and tiles (c2sp.org/tlog-tiles), saved to files.
 * Exit status: 0 valid, 1 not valid, 2 unusable input.
 * <pre>
 * VerifyProof inclusion    --checkpoint c.json --keys keys.json --entry e.json --proof p.json
 * VerifyProof consistency  --old c1.json --new c2.json --keys keys.json --proof p.json
 * VerifyProof note         --checkpoint checkpoint.txt --keys keys.txt
 * VerifyProof tiles        --checkpoint checkpoint.txt --keys keys.txt --tiles DIR --index N [--old checkpoint-then.txt]
 * VerifyProof tiles-needed --checkpoint checkpoint.txt --index N [--old checkpoint-then.txt]
 * </pre>
 */
public final class VerifyProof {
    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNUSABLE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final PrintStream out;
    private boolean valid = true;

    private VerifyProof(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        try {
            Map<String, String> files = options(args);
            VerifyProof verifier = new VerifyProof(out);
            TileProof tiles = new TileProof(files, verifier::check, out);
            switch (args[0]) {
                case "inclusion" -> verifier.inclusion(read(files, "checkpoint"), read(files, "keys"),
                        read(files, "entry"), read(files, "proof"));
                case "consistency" -> verifier.consistency(read(files, "old"), read(files, "new"),
                        read(files, "keys"), read(files, "proof"));
                case "note" -> tiles.note();
                case "tiles" -> tiles.inclusion();
                case "tiles-needed" -> {
                    tiles.needed();
                    return VALID;
                }
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
            out.println(verifier.valid ? "VALID" : "NOT VALID");
            return verifier.valid ? VALID : INVALID;
        } catch (IllegalArgumentException | IOException e) {
            out.println("Cannot verify: " + e.getMessage());
            out.println("Usage: VerifyProof inclusion --checkpoint FILE --keys FILE --entry FILE --proof FILE");
            out.println("       VerifyProof consistency --old FILE --new FILE --keys FILE --proof FILE");
            out.println("       VerifyProof note --checkpoint FILE --keys FILE");
            out.println("       VerifyProof tiles --checkpoint FILE --keys FILE --tiles DIR --index N [--old FILE]");
            out.println("       VerifyProof tiles-needed --checkpoint FILE --index N [--old FILE]");
            return UNUSABLE;
        }
    }

    private void inclusion(JsonNode checkpoint, JsonNode keys, JsonNode entry, JsonNode proof) {
        CheckpointNote head = signedHead("checkpoint", checkpoint, keys);
        byte[] leafData = Base64.getDecoder().decode(text(entry, "leafData"));
        byte[] leafHash = MerkleHash.leaf(leafData);
        check(Arrays.equals(leafHash, HEX.parseHex(text(entry, "leafHash"))), "the entry's leafHash is SHA-256(0x00 ‖ leafData)");
        if (entry.hasNonNull("event")) {
            check(Arrays.equals(CanonicalJson.encode(entry.get("event")), leafData),
                    "the entry's event is exactly what leafData encodes (RFC 8785)");
        }
        long index = number(entry, "index");
        check(number(proof, "leafIndex") == index, "the proof is for entry " + index);
        check(number(proof, "treeSize") == head.treeSize(), "the proof is for the checkpoint's tree size " + head.treeSize());
        check(MerkleProofs.inclusion(index, head.treeSize(), leafHash, hashes(proof), head.rootHash()),
                "the inclusion proof leads from the leaf to the signed root");
    }

    private void consistency(JsonNode older, JsonNode newer, JsonNode keys, JsonNode proof) {
        CheckpointNote first = signedHead("old checkpoint", older, keys);
        CheckpointNote second = signedHead("new checkpoint", newer, keys);
        check(first.origin().equals(second.origin()), "both checkpoints are of the log " + first.origin());
        check(number(proof, "from") == first.treeSize() && number(proof, "to") == second.treeSize(),
                "the proof is from size " + first.treeSize() + " to size " + second.treeSize());
        check(MerkleProofs.consistency(first.treeSize(), second.treeSize(), first.rootHash(), second.rootHash(), hashes(proof)),
                "the log at the new checkpoint extends the log at the old one, unchanged");
    }

    /** Checks the checkpoint's signature and answers what its signed note states; its other fields are not trusted. */
    private CheckpointNote signedHead(String name, JsonNode checkpoint, JsonNode keys) {
        String note = text(checkpoint, "note");
        CheckpointNote head = CheckpointNote.parse(note);
        String keyId = text(checkpoint, "keyId");
        byte[] publicKey = publicKey(keys, keyId);
        check(publicKey != null && Ed25519.verifies(Ed25519.publicKey(publicKey), note.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(text(checkpoint, "signature"))), "the " + name + " is signed by key " + keyId);
        check(number(checkpoint, "treeSize") == head.treeSize()
                        && Arrays.equals(HEX.parseHex(text(checkpoint, "rootHash")), head.rootHash()),
                "the " + name + "'s treeSize and rootHash are those of its signed note");
        out.println("  " + name + ": " + head.origin() + ", " + head.treeSize() + " entries, root " + HEX.formatHex(head.rootHash()));
        return head;
    }

    /** Accepts the document of GET /api/v1/checkpoints/keys, or one key of it. */
    private static byte[] publicKey(JsonNode keys, String keyId) {
        List<JsonNode> candidates = new ArrayList<>();
        if (keys.has("keys")) {
            keys.get("keys").forEach(candidates::add);
        } else {
            candidates.add(keys);
        }
        return candidates.stream()
                .filter(key -> keyId.equals(key.path("keyId").asText()) && "Ed25519".equals(key.path("algorithm").asText()))
                .map(key -> Base64.getDecoder().decode(key.path("publicKey").asText()))
                .findFirst().orElse(null);
    }

    void check(boolean passed, String claim) {
        out.println((passed ? "  ok    " : "  FAIL  ") + claim);
        valid &= passed;
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        proof.path("hashes").forEach(hash -> hashes.add(HEX.parseHex(hash.asText())));
        return hashes;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the field " + field + " is missing or not a string");
        }
        return value.textValue();
    }

    private static long number(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException("the field " + field + " is missing or not a whole number");
        }
        return value.longValue();
    }

    private static Map<String, String> options(String[] args) {
        if (args.length == 0 || args.length % 2 == 0) {
            throw new IllegalArgumentException("a command and pairs of --option VALUE are expected");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static JsonNode read(Map<String, String> files, String option) throws IOException {
        Path file = TileProof.file(files, option);
        JsonNode json = JSON.readTree(Files.readAllBytes(file));
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException(file + " does not hold a JSON object");
        }
        return json;
    }
}

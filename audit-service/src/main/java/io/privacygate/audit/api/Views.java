package io.privacygate.audit.api;

import io.privacygate.audit.model.Checkpoint;
import io.privacygate.audit.model.CheckpointNote;
import io.privacygate.audit.model.LogEntry;
import io.privacygate.audit.model.tlog.SignedNote;
import io.privacygate.commons.audit.AuditEvent;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The JSON shapes of the audit API (DESIGN §4): hashes in hex, signatures and leaf bytes in base64. */
public final class Views {
    private static final HexFormat HEX = HexFormat.of();

    private Views() {
    }

    public static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    /** A body of {@code POST /api/v1/events}. */
    public record AppendRequest(List<AuditEvent> events) {
    }

    /** {@code leafData} is exactly the bytes hashed; {@code event} is read from them. */
    public record EntryView(long index, String leafData, String leafHash, AuditEvent event) {
        public static EntryView of(LogEntry entry) {
            return new EntryView(entry.index(), Base64.getEncoder().encodeToString(entry.leafData()),
                    HEX.formatHex(entry.leafHash()), entry.event());
        }
    }

    public record EventView(long index, AuditEvent event) {
        public static EventView of(LogEntry entry) {
            return new EventView(entry.index(), entry.event());
        }
    }

    /**
     * The JSON form of a checkpoint for existing clients, read from the same signed note that {@code GET /checkpoint}
     * serves: size and root from its text, {@code signature} the log's Ed25519 signature of its signature line.
     */
    public record CheckpointView(long treeSize, String rootHash, Instant timestamp, String note, String signature, String keyId,
                          String signedNote) {
        public static CheckpointView of(Checkpoint checkpoint, SignedNote signed) {
            CheckpointNote head = CheckpointNote.parse(signed.text());
            return new CheckpointView(head.treeSize(), HEX.formatHex(head.rootHash()), checkpoint.timestamp(), signed.text(),
                    Base64.getEncoder().encodeToString(signed.signatures().get(0).signature()), checkpoint.keyId(),
                    signed.format());
        }
    }

    /** A checkpoint key: the provider's id and raw key, and the C2SP verifier key ({@code name+hash+base64}). */
    /**
     * A checkpoint key with its validity: {@code current} signs new checkpoints; {@code validFrom} and
     * {@code validUntil} bound the checkpoints it signed (absent while it signed none, no end while current).
     */
    public record KeyView(String keyId, String algorithm, String publicKey, String verifierKey, boolean current,
                          Instant validFrom, Instant validUntil) {
    }

    public record KeysView(List<KeyView> keys) {
    }

    public record InclusionProofView(long leafIndex, long treeSize, List<String> hashes) {
    }

    public record ConsistencyProofView(long from, long to, List<String> hashes) {
    }
}

package io.privacygate.audit.rest;

import io.privacygate.audit.model.Checkpoint;
import io.privacygate.audit.model.LogEntry;
import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.crypto.SigningKey;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The JSON shapes of the audit API (DESIGN §4): hashes in hex, signatures and leaf bytes in base64. */
final class Views {
    private static final HexFormat HEX = HexFormat.of();

    private Views() {
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    /** A body of {@code POST /api/v1/events}. */
    record AppendRequest(List<AuditEvent> events) {
    }

    /** {@code leafData} is exactly the bytes hashed; {@code event} is read from them. */
    record EntryView(long index, String leafData, String leafHash, AuditEvent event) {
        static EntryView of(LogEntry entry) {
            return new EntryView(entry.index(), Base64.getEncoder().encodeToString(entry.leafData()),
                    HEX.formatHex(entry.leafHash()), entry.event());
        }
    }

    record EventView(long index, AuditEvent event) {
        static EventView of(LogEntry entry) {
            return new EventView(entry.index(), entry.event());
        }
    }

    record CheckpointView(long treeSize, String rootHash, Instant timestamp, String note, String signature, String keyId) {
        static CheckpointView of(Checkpoint checkpoint) {
            return new CheckpointView(checkpoint.treeSize(), HEX.formatHex(checkpoint.rootHash()), checkpoint.timestamp(),
                    checkpoint.note(), Base64.getEncoder().encodeToString(checkpoint.signature()), checkpoint.keyId());
        }
    }

    record KeysView(List<SigningKey> keys) {
    }

    record InclusionProofView(long leafIndex, long treeSize, List<String> hashes) {
    }

    record ConsistencyProofView(long from, long to, List<String> hashes) {
    }
}

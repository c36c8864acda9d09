package io.privacygate.audit.model;

import io.privacygate.commons.audit.AuditEvent;

/** One leaf of the log: its position and the exact bytes hashed. The event is read from those bytes. */
public record LogEntry(long index, byte[] leafData) {

    public byte[] leafHash() {
        return MerkleHash.leaf(leafData);
    }

    public AuditEvent event() {
        return LeafCodec.decode(leafData);
    }
}

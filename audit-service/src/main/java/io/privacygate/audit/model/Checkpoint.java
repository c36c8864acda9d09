package io.privacygate.audit.model;

import java.time.Instant;

/** A signed tree head: the note (origin, size, root) and the Ed25519 signature over its UTF-8 bytes. */
public record Checkpoint(long treeSize, byte[] rootHash, Instant timestamp, String note, byte[] signature, String keyId) {
}

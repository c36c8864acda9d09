package io.privacygate.audit.repository;

/** A row of {@code log_entry}: the leaf bytes and the copies kept beside them for lookups. */
public record StoredEntry(long index, String eventId, String subjectRef, byte[] leafData, byte[] leafHash) {
}

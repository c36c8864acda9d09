package io.privacygate.audit.service.detection;

import io.privacygate.commons.audit.AuditEvent;

/** An event of the log and its index: the index is the evidence an alert points to. */
public record IndexedEvent(long index, AuditEvent event) {
}

package io.privacygate.ingestion.client;

/**
 * An event's identifiers cannot name a subject (none is well-formed, or consent-service refused them):
 * retrying would not help, so the event is skipped and the skip audited.
 */
public class IdentifiersRejectedException extends RuntimeException {
    public IdentifiersRejectedException() {
        super("The identifiers of an event were rejected", null, false, false);
    }
}

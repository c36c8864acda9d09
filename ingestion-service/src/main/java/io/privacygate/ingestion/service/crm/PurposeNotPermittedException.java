package io.privacygate.ingestion.service.crm;

/**
 * The declared purpose does not allow this use of the subject's data (no consent, restricted, a channel
 * the purpose does not declare...). Answered 403 with consent-service's reason code.
 */
public class PurposeNotPermittedException extends RuntimeException {
    private final String reason;

    public PurposeNotPermittedException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}

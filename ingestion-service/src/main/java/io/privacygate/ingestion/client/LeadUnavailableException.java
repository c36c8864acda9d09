package io.privacygate.ingestion.client;

/** The Graph API could not give a lead's answers now (down, or no access token configured): the lead waits. */
public class LeadUnavailableException extends RuntimeException {
    public LeadUnavailableException(Throwable cause) {
        super("A lead's data could not be fetched from the Graph API", cause, false, false);
    }
}

package io.privacygate.ingestion.client;

/** The Graph API says the lead does not exist (deleted, or not ours): it is skipped and the skip audited. */
public class LeadGoneException extends RuntimeException {
    public LeadGoneException() {
        super("A lead is no longer available from the Graph API", null, false, false);
    }
}

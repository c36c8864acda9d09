package io.privacygate.ingestion.client;

/** The Graph API says the lead or mentioned comment does not exist (deleted, or not ours): it is skipped and the skip audited. */
public class GraphObjectGoneException extends RuntimeException {
    public GraphObjectGoneException() {
        super("A lead or mentioned comment is no longer available from the Graph API", null, false, false);
    }
}

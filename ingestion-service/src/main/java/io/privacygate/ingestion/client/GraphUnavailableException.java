package io.privacygate.ingestion.client;

/** The Graph API could not give a lead's answers or a mentioned comment now (down, or no access token configured): the delivery waits. */
public class GraphUnavailableException extends RuntimeException {
    public GraphUnavailableException(Throwable cause) {
        super("Data named by a webhook could not be fetched from the Graph API", cause, false, false);
    }
}

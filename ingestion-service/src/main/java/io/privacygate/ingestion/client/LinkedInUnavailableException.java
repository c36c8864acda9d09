package io.privacygate.ingestion.client;

/** LinkedIn's API cannot answer now (or no access token is configured): the lead waits for a later round. */
public class LinkedInUnavailableException extends RuntimeException {
    public LinkedInUnavailableException(Throwable cause) {
        super("A lead form response could not be fetched from LinkedIn's API", cause, false, false);
    }
}

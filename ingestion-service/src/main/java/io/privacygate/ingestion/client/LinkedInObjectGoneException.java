package io.privacygate.ingestion.client;

/** LinkedIn no longer has the lead form response (or its form) a notification named: 404. */
public class LinkedInObjectGoneException extends RuntimeException {
    public LinkedInObjectGoneException() {
        super("LinkedIn has no such lead form response", null, false, false);
    }
}

package io.privacygate.ingestion.client;

/** X's API could not answer now (no token, a failed job, no result in time); the work is tried again on the next run. */
public class XUnavailableException extends RuntimeException {
    public XUnavailableException(String why) {
        super(why, null, false, false);
    }
}

package io.privacygate.ingestion.service;

/**
 * A webhook whose signature is missing or wrong: answered 401, and nothing of it is stored or parsed.
 * The message names the header, never the body.
 */
public class InvalidSignatureException extends RuntimeException {
    public InvalidSignatureException(String what) {
        super(what, null, false, false);
    }
}

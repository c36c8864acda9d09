package io.privacygate.ingestion.service.webhook;

import io.privacygate.ingestion.model.Platform;

/**
 * A webhook whose signature is missing or wrong: answered 401, and nothing of it is stored or parsed.
 * The message names the header, never the body.
 */
public class InvalidSignatureException extends RuntimeException {
    private final transient Platform platform;

    public InvalidSignatureException(Platform platform, String what) {
        super(what, null, false, false);
        this.platform = platform;
    }

    public Platform platform() {
        return platform;
    }
}

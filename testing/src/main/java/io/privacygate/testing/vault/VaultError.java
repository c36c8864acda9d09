package io.privacygate.testing.vault;

import java.util.List;

/**
 * An error as Vault answers it: an HTTP status and the body {@code {"errors":[...]}}. Vault answers 400 for bad input,
 * 403 {@code permission denied} for a missing or unknown token, 404 for a path or key that does not exist, and 503
 * while sealed.
 */
final class VaultError extends RuntimeException {
    private final int status;
    private final List<String> errors;

    private VaultError(int status, List<String> errors) {
        super(status + " " + errors, null, false, false);
        this.status = status;
        this.errors = errors;
    }

    static VaultError badRequest(String message) {
        return new VaultError(400, List.of(message));
    }

    static VaultError permissionDenied() {
        return new VaultError(403, List.of("permission denied"));
    }

    static VaultError forbidden(String message) {
        return new VaultError(403, List.of(message));
    }

    /** Reading a key that does not exist answers 404 with an empty error list. */
    static VaultError notFound() {
        return new VaultError(404, List.of());
    }

    static VaultError unsupportedPath() {
        return new VaultError(404, List.of("unsupported path"));
    }

    static VaultError unsupportedOperation() {
        return new VaultError(405, List.of("unsupported operation"));
    }

    static VaultError sealed() {
        return new VaultError(503, List.of("Vault is sealed"));
    }

    int status() {
        return status;
    }

    List<String> errors() {
        return errors;
    }
}

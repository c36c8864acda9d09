package io.privacygate.commons.problem;

/**
 * A copy of a failure with its stack trace and cause chain but without messages: messages of third-party
 * exceptions may quote request data (a parser's input, a driver's row), and logs must never hold PII.
 */
final class RedactedThrowable extends Throwable {

    private RedactedThrowable(Throwable original) {
        super(original.getClass().getName() + ": <message redacted>",
                original.getCause() == null || original.getCause() == original ? null : new RedactedThrowable(original.getCause()),
                false, true);
        setStackTrace(original.getStackTrace());
    }

    static Throwable of(Throwable original) {
        return new RedactedThrowable(original);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}

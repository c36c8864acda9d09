package io.privacygate.ingestion.client;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;

import java.util.List;

/**
 * consent-service could not answer (down, timing out, refusing our token). Nothing may be processed
 * without its answer: callers fail closed, and the inbox waits.
 */
public class ConsentUnavailableException extends ProblemException {
    public ConsentUnavailableException(Throwable cause) {
        super(ProblemType.DEPENDENCY_UNAVAILABLE, "consent-service is unavailable; retry later.", List.of(), cause);
    }
}

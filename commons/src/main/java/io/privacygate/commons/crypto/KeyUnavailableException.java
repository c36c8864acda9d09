package io.privacygate.commons.crypto;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;

import java.util.List;

/** No key could be had: the request fails with 503 and nothing is stored in plaintext. */
public class KeyUnavailableException extends ProblemException {
    public KeyUnavailableException(String detail, Throwable cause) {
        super(ProblemType.KEY_UNAVAILABLE, detail, List.of(), cause);
    }
}

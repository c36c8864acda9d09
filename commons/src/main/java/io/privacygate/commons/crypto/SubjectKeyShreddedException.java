package io.privacygate.commons.crypto;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;

import java.util.List;

/**
 * The subject's data key was deleted (crypto-shredding, Art. 17): its ciphertexts, wherever they are,
 * can no longer be decrypted. This is the expected answer after erasure, not a fault.
 */
public class SubjectKeyShreddedException extends ProblemException {
    public SubjectKeyShreddedException() {
        super(ProblemType.GONE, "The data subject's key was erased; their data can no longer be read.",
                List.of(), null);
    }
}

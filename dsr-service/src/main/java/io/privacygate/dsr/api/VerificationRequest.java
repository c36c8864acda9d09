package io.privacygate.dsr.api;

import io.privacygate.dsr.model.VerificationMethod;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Verifies the requester. OPERATOR_ATTESTED and PLATFORM_SIGNED need {@code evidence} (what was checked);
 * EMAIL_CODE without {@code code} sends a code, and with it checks the code.
 */
public record VerificationRequest(@NotNull VerificationMethod method,
                                  @Size(max = 2000) String evidence,
                                  @Size(max = 32) String code) {

    @Override
    public String toString() {
        return "VerificationRequest[method=" + method + ", <redacted>]";
    }
}

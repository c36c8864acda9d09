package io.privacygate.consent.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A legitimate-interests assessment (Art. 6(1)(f), EDPB Guidelines 1/2024): the interest pursued, why the processing
 * is necessary for it, and the balance against the subjects' interests and rights. Who signed it off, and when, come
 * from the DPO's token and the clock, not from the body.
 */
public record BalancingTestRequest(@NotBlank @Size(max = 4000) String interest,
                                   @NotBlank @Size(max = 4000) String necessity,
                                   @NotBlank @Size(max = 4000) String balance) {
}

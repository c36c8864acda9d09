package io.privacygate.consent.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The compelling legitimate grounds that override an objection (Art. 21(1)), as the DPO states them. */
public record CompellingGroundsRequest(@NotBlank @Size(max = 4000) String grounds) {
}

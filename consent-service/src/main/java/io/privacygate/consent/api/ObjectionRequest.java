package io.privacygate.consent.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** An objection to one purpose (Art. 21): objections are per purpose, never a blanket restriction. */
public record ObjectionRequest(
        @NotBlank @Pattern(regexp = PurposeRequest.KEY_PATTERN, message = "is not a purpose key") String purpose) {
}

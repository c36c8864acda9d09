package io.privacygate.dsr.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Art. 12(3): the reason is told to the subject; {@code months} is 1 or 2, and 2 when absent. */
public record ExtensionRequest(@NotBlank @Size(max = 2000) String reason, @Min(1) @Max(2) Integer months) {
}

package io.privacygate.dsr.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Art. 12(4)–(6): why the request is refused; the subject is told, with the right to complain. */
public record RejectionRequest(@NotBlank @Size(max = 2000) String reason) {
}

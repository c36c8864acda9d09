package io.privacygate.dsr.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Art. 18(3): why the restriction is to be lifted; mailed to the requester before it is. */
public record LiftAnnouncement(@NotBlank @Size(max = 2000) String reason) {
}

package io.privacygate.ingestion.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "LinkedIn's challenge answered: the code, and the hex HMAC-SHA256 of it under the client secret")
public record ChallengeAnswer(@Schema(example = "890e4665-4dfe-4ab1-b689-ed553bceeed4") String challengeCode,
                              @Schema(example = "5f2b0c9d1e3a4b6c8d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e") String challengeResponse) {
}

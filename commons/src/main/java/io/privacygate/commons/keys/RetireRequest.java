package io.privacygate.commons.keys;

import io.privacygate.commons.crypto.WrappingKey;
import jakarta.validation.constraints.Positive;

/**
 * Which KEK to retire and the oldest version it may still decrypt. Left out: every KEK, each to its newest version,
 * which is what a backup schedule wants.
 */
public record RetireRequest(WrappingKey kek, @Positive Integer minDecryptionVersion) {
}

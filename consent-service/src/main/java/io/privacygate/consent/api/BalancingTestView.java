package io.privacygate.consent.api;

import java.time.Instant;

/** A recorded legitimate-interests assessment; {@code purposeVersion} is the version that was assessed. */
public record BalancingTestView(int purposeVersion, String interest, String necessity, String balance,
                                String signedOffBy, Instant signedOffAt) {
}

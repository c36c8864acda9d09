package io.privacygate.commons.keys;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The state of a service's keys: one entry per KEK, whether a rewrap is running in this instance, and when the
 * schedule rotates next ({@code privacy-gate.keys.rotation-period} after the last scheduled rotation).
 */
@Schema(name = "KeysStatus")
public record KeysStatus(String provider, boolean rewrapRunning, Instant nextScheduledRotation, List<KekStatus> keks) {
}

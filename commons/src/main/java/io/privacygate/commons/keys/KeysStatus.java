package io.privacygate.commons.keys;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The state of a service's keys: one entry per KEK, and whether a rewrap is running in this instance. */
@Schema(name = "KeysStatus")
public record KeysStatus(String provider, boolean rewrapRunning, List<KekStatus> keks) {
}

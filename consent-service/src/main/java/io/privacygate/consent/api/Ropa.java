package io.privacygate.consent.api;

import java.time.Instant;
import java.util.List;

/**
 * The Art. 30(1) record of processing activities: the controller and every activity in force, and the platforms' use
 * limits that apply to them (#21 point 4).
 */
public record Ropa(Controller controller, Instant generatedAt, List<PurposeView> activities, List<PlatformLimit> platformTerms) {

    public record Controller(String name, String contact) {
    }

    /** Content of this kind from this channel may serve only these purposes, under the platform's terms. */
    public record PlatformLimit(String channel, SourceKind sourceKind, List<String> purposes) {
    }
}

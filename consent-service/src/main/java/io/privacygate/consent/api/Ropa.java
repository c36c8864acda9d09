package io.privacygate.consent.api;

import java.time.Instant;
import java.util.List;

/** The Art. 30(1) record of processing activities: the controller and every activity in force. */
public record Ropa(Controller controller, Instant generatedAt, List<PurposeView> activities) {

    public record Controller(String name, String contact) {
    }
}

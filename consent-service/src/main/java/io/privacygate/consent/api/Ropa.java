package io.privacygate.consent.api;

import java.time.Instant;
import java.util.List;

/**
 * The Art. 30(1) record of processing activities: (a) the controller, its representative and the DPO; (b), (d), (f)
 * per activity (purposes, categories of data and recipients, time limits for erasure); (c) the categories of data
 * subjects; (e) transfers to third countries with their safeguards; (g) the security measures; and the platforms'
 * use limits that apply to the activities (#21 point 4).
 */
public record Ropa(Controller controller, Dpo dpo, Instant generatedAt, List<String> subjectCategories,
                   List<Transfer> transfers, String securityMeasures, List<ErasureTimeLimit> erasureTimeLimits,
                   List<PurposeView> activities, List<PlatformLimit> platformTerms) {

    public record Controller(String name, String contact, String representative) {
    }

    public record Dpo(String contact) {
    }

    /** A transfer to a third country or international organisation and its safeguard (Art. 30(1)(e), Art. 44-49). */
    public record Transfer(String recipient, String country, String safeguard) {
    }

    /** Art. 30(1)(f): how long the data of one kind is kept before it is erased. */
    public record ErasureTimeLimit(String data, String limit) {
    }

    /** Content of this kind from this channel may serve only these purposes, under the platform's terms. */
    public record PlatformLimit(String channel, SourceKind sourceKind, List<String> purposes) {
    }
}

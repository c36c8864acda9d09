package io.privacygate.ingestion.service.inbox;

import io.privacygate.ingestion.client.ConsentDtos;
import io.privacygate.ingestion.model.ClaimedDelivery;
import io.privacygate.ingestion.model.SocialEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What becomes of one event in a processing round. */
sealed interface Outcome {

    Candidate candidate();

    /**
     * An event of a claimed delivery, with the keyed digests of its platform event id ({@code eventKey}) and of the
     * item it is about ({@code itemKey}), and the item's platform ids sealed for reconciliation ({@code itemRef}, {@link ItemRefs}).
     */
    record Candidate(ClaimedDelivery delivery, SocialEvent event, String eventKey, String itemKey, String itemRef) {
        Candidate withEvent(SocialEvent changed) {
            return new Candidate(delivery, changed, eventKey, itemKey, itemRef);
        }
    }

    /**
     * An edit or removal at the source, applied to whatever copy of the item is stored, without resolving anyone or
     * asking for a decision. {@code creationKeys}: the keyed digests a creation of the item has, recorded with a
     * removal, so that the creation delivered late (or again) is dropped as seen.
     */
    record SourceChange(Candidate candidate, List<String> creationKeys) implements Outcome {
    }

    /** Seen before: acknowledged, not processed twice. */
    record Duplicate(Candidate candidate) implements Outcome {
    }

    /** Cannot be used at all (no identifier, lead gone, already past its retention): nothing is kept. */
    record Skipped(Candidate candidate, UUID subjectId, String purpose, String reason) implements Outcome {
    }

    /** Not permitted: the content is dropped. */
    record Denied(Candidate candidate, UUID subjectId, String purpose, ConsentDtos.Decision decision,
                  String reason) implements Outcome {
    }

    /** Permitted, or storage only for a restricted subject (Art. 18): to be stored. */
    record Accepted(Candidate candidate, UUID subjectId, String purpose, ConsentDtos.Decision decision,
                    ConsentDtos.PurposeDefinition definition, Instant retainUntil) implements Outcome {
        boolean restricted() {
            return !decision.permitted();
        }
    }
}

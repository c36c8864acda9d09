package io.privacygate.ingestion.service.inbox;

import io.privacygate.ingestion.client.ConsentDtos;
import io.privacygate.ingestion.model.ClaimedDelivery;
import io.privacygate.ingestion.model.SocialEvent;

import java.time.Instant;
import java.util.UUID;

/** What becomes of one event in a processing round. */
sealed interface Outcome {

    Candidate candidate();

    /** An event of a claimed delivery, with the keyed digest of its platform id. */
    record Candidate(ClaimedDelivery delivery, SocialEvent event, String eventKey) {
        Candidate withEvent(SocialEvent changed) {
            return new Candidate(delivery, changed, eventKey);
        }
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

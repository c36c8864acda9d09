package io.privacygate.commons.dsr;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A participant's answer to an erasure (Art. 17): whether the subject key was shredded, how many rows of
 * each kind were deleted, and what was kept and why.
 *
 * @param backupsUnreadableAfter when the key was shredded: the date after which no backup of the participant can
 *                               yield the subject's key any more (its KEK version is retired by then), or null
 */
@RegisterForReflection // dsr-service stores and reads it as a task result
public record ErasureReceipt(String system, UUID subjectId, Instant erasedAt, boolean keyShredded,
                             Map<String, Long> deleted, List<RetainedData> retained, Instant backupsUnreadableAfter) {

    /** Data kept despite the request, with the Art. 17(3) ground that allows it. */
    public record RetainedData(String category, String legalBasis, String reason) {
    }
}

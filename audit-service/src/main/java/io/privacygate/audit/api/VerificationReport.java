package io.privacygate.audit.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of recomputing the log from storage. {@code firstBadIndex} is the lowest leaf whose stored
 * data, lookup columns or subtree hashes disagree with a recomputation; {@code failedCheckpoint} is the tree
 * size of the first signed checkpoint that the stored log no longer matches (or whose signature fails).
 * {@code reason} says what was found first, naming positions only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(boolean valid, long treeSize, Long firstBadIndex, Long failedCheckpoint,
                                 int checkpointsChecked, String reason) {
}

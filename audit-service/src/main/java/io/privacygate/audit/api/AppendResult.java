package io.privacygate.audit.api;

import java.util.List;

/**
 * The answer to an append: the tree size after it, and each event's index in request order. An event seen
 * before (same eventId, same content) keeps its first index and has {@code appended=false}.
 */
public record AppendResult(long treeSize, List<AppendedEvent> events) {

    public record AppendedEvent(String eventId, long index, boolean appended) {
    }
}

package io.privacygate.dsr.service.fanout;

import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.dsr.model.TaskStep;

import java.util.List;
import java.util.UUID;

/**
 * A claimed task with what its call needs, read in the claiming transaction so that no transaction stays
 * open during the call. {@code identifiers} (RESOLVE) and {@code rectification} (RECTIFY) are personal data.
 */
public record Work(UUID taskId, UUID requestId, TaskStep step, String participant, UUID subjectId,
                   List<Identifier> identifiers, RectificationRequest rectification) {

    @Override
    public String toString() {
        return "Work[task=" + taskId + ", step=" + step + ", participant=" + participant + "]";
    }
}

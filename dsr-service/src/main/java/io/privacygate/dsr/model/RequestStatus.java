package io.privacygate.dsr.model;

import java.util.Set;

/** {@code RECEIVED → VERIFIED → IN_PROGRESS → COMPLETED | REJECTED}; extension is a flag, not a status. */
public enum RequestStatus {
    RECEIVED, VERIFIED, IN_PROGRESS, COMPLETED, REJECTED;

    public static final Set<RequestStatus> OPEN = Set.of(RECEIVED, VERIFIED, IN_PROGRESS);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}

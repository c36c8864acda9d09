package io.privacygate.audit.service.detection;

import java.time.Instant;
import java.util.List;

/** One key's recent hits in a sliding window of event time. Bounded: a rule clears it once it fires. */
interface Window {
    void add(Hit hit);

    /** Drops the hits that happened before {@code horizon}. */
    void evictBefore(Instant horizon);

    /** What the rule compares with its limit. */
    int measure();

    /** The hits still in the window, oldest first. */
    List<Hit> contents();

    /** When the newest hit happened. */
    Instant newest();
}

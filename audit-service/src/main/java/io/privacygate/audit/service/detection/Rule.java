package io.privacygate.audit.service.detection;

import java.time.Instant;

/** A detection rule: it sees every relevant event of the log once, in index order. Not thread-safe. */
interface Rule {

    /** Evaluates one event; an episode it opens or extends is reported to the sink. */
    void offer(IndexedEvent event, Sink sink);

    /** Forgets what lies more than a window before {@code watermark} (event time). */
    void sweep(Instant watermark);

    /** Forgets everything, before a rebuild. */
    void reset();

    /** Whether replaying the events before the cursor rebuilds this rule's state (its state is in memory only). */
    boolean replays();

    /** Where findings go, and the subjects' purposes as the evaluation has them. */
    interface Sink {
        void report(Episode episode);

        SubjectPurposes purposes();
    }
}

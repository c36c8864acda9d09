package io.privacygate.audit.service.detection;

import io.privacygate.audit.model.RuleKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Every deadline dsr-service reports for a request (past the Art. 12(3) month, a platform's deadline near or
 * missed) is an alert of its own, fingerprinted by the rule and the request id, so that a repeated report does not
 * raise it twice. Only dsr-service keeps the deadlines, so only its reports count (an event's service is the
 * authenticated sender, docs/decisions/0021): no other service can raise alerts in its name.
 */
final class DsrDeadlineRule implements Rule {
    static final String REPORTER = "dsr-service";
    private final RuleKind kind;
    private final String action;

    DsrDeadlineRule(RuleKind kind, String action) {
        this.kind = kind;
        this.action = action;
    }

    @Override
    public void offer(IndexedEvent event, Sink sink) {
        if (!action.equals(event.event().action()) || !REPORTER.equals(event.event().service())) {
            return;
        }
        String requestId = requestId(event);
        String key = requestId != null ? requestId : "entry-" + event.index();
        Episode episode = new Episode(kind.code() + ":" + key, kind, key, 0, Duration.ZERO, 1);
        episode.add(Hit.of(event), null);
        sink.report(episode);
    }

    /** The request id if it is one (a UUID); anything else stays out of the alert. */
    private static String requestId(IndexedEvent event) {
        String raw = event.event().details() == null ? null : event.event().details().get("requestId");
        try {
            return raw == null ? null : UUID.fromString(raw).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void sweep(Instant watermark) {
        // Stateless: each event is judged alone.
    }

    @Override
    public void reset() {
        // Stateless.
    }

    @Override
    public boolean replays() {
        return false;
    }
}

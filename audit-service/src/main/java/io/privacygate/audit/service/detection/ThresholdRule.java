package io.privacygate.audit.service.detection;

import io.privacygate.audit.model.RuleKind;
import io.privacygate.commons.audit.AuditEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Fires when a key's window measures more than the limit: the hits in the window become a new episode (its
 * evidence), the window is emptied, and the key's further matching events extend that episode while they keep
 * coming within the window of each other. Then the key starts afresh.
 */
final class ThresholdRule implements Rule {
    private final RuleKind kind;
    private final Predicate<AuditEvent> matches;
    private final Function<AuditEvent, String> keyOf;
    private final BiFunction<IndexedEvent, Duration, Hit> hitOf;
    private final Supplier<Window> newWindow;
    private final int limit;
    private final Duration window;
    private final int maxEvidence;
    private final Map<String, Window> windows;
    private final Episodes episodes;

    /** {@code hitOf} reads an event as one occurrence, or as a report of several ({@link ReportedCount}). */
    ThresholdRule(RuleKind kind, Predicate<AuditEvent> matches, Function<AuditEvent, String> keyOf,
                  BiFunction<IndexedEvent, Duration, Hit> hitOf, Supplier<Window> newWindow,
                  int limit, Duration window, int maxKeys, int maxEvidence) {
        this.kind = kind;
        this.matches = matches;
        this.keyOf = keyOf;
        this.hitOf = hitOf;
        this.newWindow = newWindow;
        this.limit = limit;
        this.window = window;
        this.maxEvidence = maxEvidence;
        this.windows = Lru.map(maxKeys);
        this.episodes = new Episodes(maxKeys);
    }

    @Override
    public void offer(IndexedEvent event, Sink sink) {
        if (!matches.test(event.event())) {
            return;
        }
        String key = keyOf.apply(event.event());
        Hit hit = hitOf.apply(event, window);
        Episode open = episodes.active(key, hit.from());
        if (open != null) {
            open.add(hit, null);
            sink.report(open);
            return;
        }
        Window keyWindow = windows.computeIfAbsent(key, k -> newWindow.get());
        keyWindow.add(hit);
        // From the event's own time: a report's hit stands earlier, at the middle of what it counts.
        keyWindow.evictBefore(event.event().occurredAt().minus(window));
        if (keyWindow.measure() > limit) {
            var hits = keyWindow.contents();
            Episode episode = new Episode(kind, key, hits.get(0).index(), limit, window, maxEvidence);
            hits.forEach(h -> episode.add(h, null));
            windows.remove(key);
            episodes.start(episode);
            sink.report(episode);
        }
    }

    @Override
    public void sweep(Instant watermark) {
        Instant horizon = watermark.minus(window);
        windows.values().removeIf(w -> w.newest().isBefore(horizon));
        episodes.sweep(watermark);
    }

    @Override
    public void reset() {
        windows.clear();
        episodes.clear();
    }

    @Override
    public boolean replays() {
        return true;
    }
}

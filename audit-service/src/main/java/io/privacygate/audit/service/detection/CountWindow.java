package io.privacygate.audit.service.detection;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/** Counts hits, each by its weight. Events arrive roughly in time order, so the oldest are dropped from the head. */
final class CountWindow implements Window {
    private final ArrayDeque<Hit> hits = new ArrayDeque<>();
    private Instant newest = Instant.MIN;
    private long total;

    @Override
    public void add(Hit hit) {
        hits.addLast(hit);
        total += hit.weight();
        if (hit.at().isAfter(newest)) {
            newest = hit.at();
        }
    }

    @Override
    public void evictBefore(Instant horizon) {
        while (!hits.isEmpty() && hits.peekFirst().at().isBefore(horizon)) {
            total -= hits.removeFirst().weight();
        }
    }

    @Override
    public int measure() {
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    @Override
    public List<Hit> contents() {
        return List.copyOf(hits);
    }

    @Override
    public Instant newest() {
        return newest;
    }
}

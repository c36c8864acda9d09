package io.privacygate.audit.service.detection;

import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts distinct subjects, keeping each subject's latest hit only, so that reading one subject a thousand
 * times holds one entry. A subject read again moves to the tail; the oldest are dropped from the head.
 */
final class DistinctSubjectWindow implements Window {
    private final LinkedHashMap<String, Hit> latest = new LinkedHashMap<>();
    private Instant newest = Instant.MIN;

    @Override
    public void add(Hit hit) {
        latest.remove(hit.subjectRef());
        latest.put(hit.subjectRef(), hit);
        if (hit.at().isAfter(newest)) {
            newest = hit.at();
        }
    }

    @Override
    public void evictBefore(Instant horizon) {
        Iterator<Map.Entry<String, Hit>> oldest = latest.entrySet().iterator();
        while (oldest.hasNext() && oldest.next().getValue().at().isBefore(horizon)) {
            oldest.remove();
        }
    }

    @Override
    public int measure() {
        return latest.size();
    }

    @Override
    public List<Hit> contents() {
        return latest.values().stream().sorted(Comparator.comparingLong(Hit::index)).toList();
    }

    @Override
    public Instant newest() {
        return newest;
    }
}

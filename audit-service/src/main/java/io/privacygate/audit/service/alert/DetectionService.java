package io.privacygate.audit.service.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.privacygate.audit.config.DetectionConfig;
import io.privacygate.audit.service.detection.Detector;
import io.privacygate.audit.model.Finding;
import io.privacygate.audit.service.detection.IndexedEvent;
import io.privacygate.audit.model.RuleKind;
import io.privacygate.audit.service.detection.SubjectPurposes;
import io.privacygate.audit.model.LogEntry;
import io.privacygate.audit.repository.AlertRepository;
import io.privacygate.audit.repository.DetectionCursorRepository;
import io.privacygate.audit.repository.LogEntryRepository;
import io.privacygate.audit.repository.SubjectPurposeRepository;
import io.privacygate.audit.repository.TreeHeadRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the rules over what was appended, after it was committed, so that an append never waits for detection.
 * Each chunk is one transaction: lock the cursor, read the entries after it, evaluate, write the alerts and the
 * subjects' purposes, move the cursor. Entries are evaluated once each, whatever restarts or replicas do.
 * <p>
 * The windows live in memory. They are valid only if this instance evaluated the entries just before the
 * cursor; when it did not (a restart, or another replica took a turn), they are rebuilt by replaying the
 * entries before the cursor, back over twice the longest window, at most {@code rebuild-max-entries}.
 */
@ApplicationScoped
public class DetectionService {
    private static final Logger LOG = Logger.getLogger(DetectionService.class);
    /** Chunks per round, so that one round under a long backlog still ends and lets the alerts out. */
    private static final int MAX_CHUNKS_PER_ROUND = 50;

    private final Pool pool;
    private final DetectionCursorRepository cursor;
    private final TreeHeadRepository heads;
    private final LogEntryRepository entries;
    private final SubjectPurposeRepository purposes;
    private final AlertRepository alerts;
    private final DetectionConfig config;
    private final Detector detector;
    private final MeterRegistry metrics;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong lag = new AtomicLong();
    private final Map<RuleKind, Counter> raised = new EnumMap<>(RuleKind.class);
    private final Timer chunkTime;
    /** The index this instance's windows have seen up to; -1 when they must be rebuilt first. */
    private long windowsUpTo = -1;

    DetectionService(Pool pool, DetectionCursorRepository cursor, TreeHeadRepository heads, LogEntryRepository entries,
                     SubjectPurposeRepository purposes, AlertRepository alerts, DetectionConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.cursor = cursor;
        this.heads = heads;
        this.entries = entries;
        this.purposes = purposes;
        this.alerts = alerts;
        this.config = config;
        this.detector = new Detector(config);
        this.metrics = metrics;
        Gauge.builder("privacygate.audit.detection.lag", lag, AtomicLong::get)
                .description("Entries appended but not yet evaluated by the detection rules").register(metrics);
        this.chunkTime = Timer.builder("privacygate.audit.detection.chunk")
                .description("Time to evaluate one chunk of entries and write what it found").register(metrics);
    }

    /** Evaluates what is new, chunk by chunk; answers how many entries were evaluated. One round at a time. */
    public Uni<Long> round() {
        if (!config.enabled() || !detector.active() || !running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0L);
        }
        return chunks(0, 0).eventually(() -> running.set(false));
    }

    private Uni<Long> chunks(long evaluated, int done) {
        return chunk().chain(result -> {
            long total = evaluated + result;
            return result == 0 || done + 1 >= MAX_CHUNKS_PER_ROUND ? Uni.createFrom().item(total) : chunks(total, done + 1);
        });
    }

    private Uni<Long> chunk() {
        Instant now = Instant.now();
        Timer.Sample sample = Timer.start();
        return pool.withTransaction(transaction -> cursor.lock(transaction).chain(locked -> locked.isEmpty()
                        ? Uni.createFrom().item(Chunk.NONE)
                        : heads.size(transaction).chain(size -> evaluate(transaction, locked.get(), size, now))))
                .map(chunk -> committed(chunk, sample))
                .onFailure().invoke(e -> {
                    windowsUpTo = -1;
                    LOG.warnf("Detection could not evaluate a chunk (%s); it will try again", e.getClass().getSimpleName());
                });
    }

    private Uni<Chunk> evaluate(SqlConnection transaction, long next, long size, Instant now) {
        lag.set(Math.max(0, size - next));
        if (next >= size) {
            return Uni.createFrom().item(Chunk.NONE);
        }
        long to = Math.min(size, next + config.chunkSize());
        Uni<Void> ready = next == windowsUpTo ? Uni.createFrom().voidItem() : rebuild(transaction, next, now);
        return ready.chain(() -> entries.leaves(transaction, next, to)).chain(rows -> {
            List<IndexedEvent> events = relevant(rows);
            return purposes.find(transaction, detector.purposeSubjects(events)).chain(loaded -> {
                SubjectPurposes subjectPurposes = new SubjectPurposes(loaded);
                // The windows move now; until the commit says otherwise they are not to be trusted.
                windowsUpTo = -1;
                List<Finding> findings = detector.evaluate(events, subjectPurposes, now);
                return alerts.upsert(transaction, findings, now)
                        .call(() -> purposes.apply(transaction, subjectPurposes.added(), subjectPurposes.removed()))
                        .call(() -> cursor.advance(transaction, to));
            });
        }).map(created -> new Chunk(next, to, size, created));
    }

    /** After the commit: the windows are those of the entries up to the new cursor. */
    private long committed(Chunk chunk, Timer.Sample sample) {
        if (chunk == Chunk.NONE) {
            return 0;
        }
        windowsUpTo = chunk.to();
        lag.set(chunk.size() - chunk.to());
        sample.stop(chunkTime);
        chunk.created().forEach(rule -> counter(rule).increment());
        if (!chunk.created().isEmpty()) {
            LOG.infof("Detection raised %d alert(s) in entries [%d, %d)", chunk.created().size(), chunk.from(), chunk.to());
        }
        return chunk.to() - chunk.from();
    }

    /** Replays the entries before {@code next}, newest chunk first, until they lie beyond the replay horizon. */
    private Uni<Void> rebuild(SqlConnection transaction, long next, Instant now) {
        detector.reset();
        if (next == 0) {
            return Uni.createFrom().voidItem();
        }
        List<List<IndexedEvent>> chunksNewestFirst = new ArrayList<>();
        return readBack(transaction, next, next, null, chunksNewestFirst).invoke(() -> {
            List<IndexedEvent> replay = new ArrayList<>();
            for (int i = chunksNewestFirst.size() - 1; i >= 0; i--) {
                replay.addAll(chunksNewestFirst.get(i));
            }
            detector.replay(replay, now);
            LOG.infof("Detection windows rebuilt from %d earlier relevant event(s) before entry %d", replay.size(), next);
        });
    }

    private Uni<Void> readBack(SqlConnection transaction, long next, long before, Instant newest, List<List<IndexedEvent>> found) {
        long from = Math.max(0, Math.max(before - config.chunkSize(), next - config.rebuildMaxEntries()));
        if (before <= from) {
            return Uni.createFrom().voidItem();
        }
        return entries.leaves(transaction, from, before).chain(rows -> {
            List<IndexedEvent> events = relevant(rows);
            found.add(events);
            Instant newestInChunk = null;
            for (IndexedEvent event : events) {
                Instant at = event.event().occurredAt();
                newestInChunk = newestInChunk == null || at.isAfter(newestInChunk) ? at : newestInChunk;
            }
            Instant latest = newest == null ? newestInChunk : newest;
            // The whole chunk happened before the horizon: nothing older can still be in a window.
            boolean pastHorizon = latest != null && newestInChunk != null
                    && newestInChunk.isBefore(latest.minus(detector.replayHorizon()));
            return pastHorizon ? Uni.createFrom().voidItem() : readBack(transaction, next, from, latest, found);
        });
    }

    private List<IndexedEvent> relevant(List<LogEntry> rows) {
        List<IndexedEvent> events = new ArrayList<>();
        for (LogEntry row : rows) {
            IndexedEvent event = detector.relevant(row.index(), row.leafData());
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    /** One evaluated chunk: entries {@code [from, to)} of a log of {@code size}, and the rules of the alerts it raised. */
    private record Chunk(long from, long to, long size, List<RuleKind> created) {
        static final Chunk NONE = new Chunk(0, 0, 0, List.of());
    }

    private Counter counter(RuleKind rule) {
        return raised.computeIfAbsent(rule, r -> Counter.builder("privacygate.audit.alerts.raised").tag("rule", r.name())
                .description("Alerts raised by the detection rules").register(metrics));
    }
}

package io.privacygate.ingestion.service.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.privacygate.ingestion.api.ImportView;
import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.model.ImportJob;
import io.privacygate.ingestion.model.SocialEvent;
import io.privacygate.ingestion.repository.ImportJobRepository;
import io.privacygate.ingestion.repository.InboxRepository;
import io.privacygate.ingestion.service.IngestionAudit;
import io.privacygate.ingestion.service.inbox.InboxKeys;
import io.privacygate.ingestion.service.inbox.InboxPayloads;
import io.privacygate.ingestion.service.webhook.Payloads;
import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.service.webhook.UnsupportedPayloadException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

/**
 * Bulk imports of platform exports: JSON lines, each a payload in the platform's own shape (what its
 * webhook delivers; for Meta also a lead as the Graph API returns it). Every line is checked before
 * anything is stored, so a bad line rejects the whole import; then the events of each line, parsed by that check,
 * enter the inbox and go through exactly the rules of a webhook delivery.
 */
@ApplicationScoped
public class ImportService {
    private final Payloads payloads;
    private final InboxKeys keys;
    private final InboxPayloads stored;
    private final InboxRepository inbox;
    private final ImportJobRepository jobs;
    private final IngestionAudit audit;
    private final IngestionConfig.Imports config;

    ImportService(Payloads payloads, InboxKeys keys, InboxPayloads stored, InboxRepository inbox, ImportJobRepository jobs,
                  IngestionAudit audit, IngestionConfig config) {
        this.payloads = payloads;
        this.keys = keys;
        this.stored = stored;
        this.inbox = inbox;
        this.jobs = jobs;
        this.audit = audit;
        this.config = config.imports();
    }

    /** @param gpc the records were collected from browsers that sent {@code Sec-GPC: 1} */
    @WithTransaction
    public Uni<ImportView> start(Platform platform, byte[] body, boolean gpc, String actor) {
        Instant now = Instant.now();
        List<Line> lines = checkedLines(platform, body, now);
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.platform = platform.name();
        job.gpc = gpc;
        job.lines = lines.size();
        job.createdBy = actor;
        job.createdAt = now;
        return keys.cipher().chain(cipher -> jobs.persistAndFlush(job)
                .chain(() -> Multi.createFrom().iterable(lines)
                        .onItem().transformToUniAndConcatenate(line -> {
                            UUID id = UUID.randomUUID();
                            return inbox.insertImported(id, platform, cipher.digest(line.bytes()), cipher.seal(id, stored.write(line.events())),
                                    job.id, gpc, now);
                        })
                        .collect().asList())
                .chain(inserted -> {
                    job.accepted = (int) inserted.stream().filter(Boolean::booleanValue).count();
                    job.duplicates = job.lines - job.accepted;
                    job.completedAt = job.accepted == 0 ? now : null;
                    return audit.importAccepted(actor, job.id, platform.wireName(), job.lines, job.accepted, gpc);
                })
                .replaceWith(() -> ImportView.of(job)));
    }

    @WithSession
    public Uni<ImportView> get(UUID id) {
        return jobs.findById(id).map(job -> {
            if (job == null) {
                throw ProblemException.notFound("No import has this id.");
            }
            return ImportView.of(job);
        });
    }

    /** A line as sent (its digest recognises a line already waiting) and its events, parsed once. */
    private record Line(byte[] bytes, List<SocialEvent> events) {
    }

    /** Splits the body into non-blank lines and parses each; the error names the line, never its content. */
    private List<Line> checkedLines(Platform platform, byte[] body, Instant receivedAt) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                number++;
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                byte[] line = Arrays.copyOfRange(body, start, end);
                start = i + 1;
                if (new String(line, StandardCharsets.UTF_8).isBlank()) {
                    continue;
                }
                if (lines.size() == config.maxLines()) {
                    throw ProblemException.invalidField("body", "holds more than " + config.maxLines() + " lines");
                }
                lines.add(new Line(line, parse(platform, line, number, receivedAt)));
            }
        }
        if (lines.isEmpty()) {
            throw ProblemException.invalidField("body", "must hold at least one JSON line");
        }
        return lines;
    }

    private List<SocialEvent> parse(Platform platform, byte[] line, int number, Instant receivedAt) {
        String where = "line " + number;
        try {
            return payloads.parse(platform, line, receivedAt);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "A line is not valid JSON.",
                    List.of(new Problem.FieldError(where, "is not valid JSON")), null);
        } catch (UnsupportedPayloadException e) {
            List<Problem.FieldError> errors = e.toProblem().errors().stream()
                    .map(error -> new Problem.FieldError(where + ": " + error.field(), error.message()))
                    .toList();
            throw new ProblemException(ProblemType.VALIDATION, "A line is not of a supported shape.", errors, null);
        }
    }
}

package io.privacygate.dsr.service.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.commons.crypto.BlindIndex;
import io.privacygate.commons.crypto.SubjectCipher;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.dsr.RectificationRequest;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierNormalizer;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.dsr.api.CreateRequest;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.RequestIdentifier;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.model.SubjectResolution;
import io.privacygate.dsr.repository.DsrRequestRepository;
import io.privacygate.dsr.repository.RequestIdentifierRepository;
import io.privacygate.dsr.service.DsrAudit;
import io.privacygate.dsr.service.Notifier;
import io.privacygate.dsr.service.RequestViews;
import io.privacygate.dsr.service.deadlines.Deadlines;
import io.privacygate.dsr.service.deadlines.PlatformDeadlines;
import io.privacygate.dsr.service.fanout.Planner;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Files a request: checks it, computes its deadline, stores the identifiers encrypted with their blind
 * indexes, and schedules the lookup of the subject. Everything is stored in one transaction or nothing is.
 */
@ApplicationScoped
public class IntakeService {
    private final DsrRequestRepository requests;
    private final RequestIdentifierRepository identifiers;
    private final SubjectKeys keys;
    private final BlindIndex blindIndex;
    private final Planner planner;
    private final DsrAudit audit;
    private final Notifier notifier;
    private final RequestViews views;
    private final DsrConfig config;
    private final ObjectMapper json;
    private final PlatformDeadlines platformDeadlines;

    IntakeService(DsrRequestRepository requests, RequestIdentifierRepository identifiers, SubjectKeys keys,
                  BlindIndex blindIndex, Planner planner, DsrAudit audit, Notifier notifier, RequestViews views,
                  DsrConfig config, ObjectMapper json, PlatformDeadlines platformDeadlines) {
        this.requests = requests;
        this.identifiers = identifiers;
        this.keys = keys;
        this.blindIndex = blindIndex;
        this.planner = planner;
        this.audit = audit;
        this.notifier = notifier;
        this.views = views;
        this.config = config;
        this.json = json;
        this.platformDeadlines = platformDeadlines;
    }

    /** The request, and whether this call created it (false: an idempotent repeat of an earlier call). */
    public record Filed(RequestView view, boolean created) {
    }

    /**
     * With an {@code idempotencyKey}, a repeat of the same caller's key answers the request the first call
     * created, whatever its body, so that a retry after a lost answer cannot open a second request.
     */
    @WithTransaction
    public Uni<Filed> file(CreateRequest body, String idempotencyKey, String actor, boolean disclose) {
        if (idempotencyKey == null) {
            return create(body, null, actor, disclose).map(view -> new Filed(view, true));
        }
        return requests.lockAndFindByIdempotencyKey(actor, idempotencyKey).chain(existing -> existing != null
                ? views.view(existing, disclose).map(view -> new Filed(view, false))
                : create(body, idempotencyKey, actor, disclose).map(view -> new Filed(view, true)));
    }

    private Uni<RequestView> create(CreateRequest body, String idempotencyKey, String actor, boolean disclose) {
        Instant now = Instant.now();
        Instant receivedAt = receivedAt(body.receivedAt(), now);
        checkRectification(body.type(), body.rectification());
        return index(body.identifiers()).chain(indexed -> {
            DsrRequest request = newRequest(body, receivedAt, now, actor);
            request.idempotencyKey = idempotencyKey;
            return keys.forWriting(request.id).chain(cipher -> {
                request.detailsEncrypted = cipher.encrypt(DsrRequest.DETAILS, blankToNull(body.details()));
                request.rectificationEncrypted = body.rectification() == null ? null
                        : cipher.encrypt(DsrRequest.RECTIFICATION, write(body.rectification()));
                List<RequestIdentifier> rows = rows(request.id, indexed, cipher);
                return requests.persist(request)
                        .chain(() -> identifiers.persist(rows))
                        .chain(() -> planner.resolveStep(request))
                        .chain(() -> audit.received(request, rows.stream().map(r -> r.type).toList(), actor))
                        .chain(() -> notifier.statusChanged(request))
                        .chain(requests::flush)
                        .chain(() -> views.view(request, disclose));
            });
        });
    }

    /** Art. 12(3): the month runs from receipt; a receipt "in the future" is a mistake, not a later deadline. */
    Instant receivedAt(Instant given, Instant now) {
        if (given == null) {
            return now;
        }
        if (given.isAfter(now.plus(config.intake().maxClockSkew()))) {
            throw ProblemException.invalidField("receivedAt", "must not be in the future");
        }
        return given.isAfter(now) ? now : given;
    }

    static void checkRectification(RequestType type, RectificationRequest rectification) {
        boolean given = rectification != null
                && ((rectification.identifiers() != null && !rectification.identifiers().isEmpty())
                || (rectification.fields() != null && !rectification.fields().isEmpty()));
        if (type == RequestType.RECTIFICATION && !given) {
            throw ProblemException.invalidField("rectification",
                    "is required for RECTIFICATION: the corrected identifiers or fields");
        }
        if (type != RequestType.RECTIFICATION && rectification != null) {
            throw ProblemException.invalidField("rectification", "belongs to RECTIFICATION requests only");
        }
        if (given && rectification.identifiers() != null) {
            for (int i = 0; i < rectification.identifiers().size(); i++) {
                Identifier identifier = rectification.identifiers().get(i);
                IdentifierNormalizer.normalize(identifier.type(), identifier.value(), "rectification.identifiers[" + i + "].value");
            }
        }
    }

    /** Normalised identifiers by blind index: the same identifier given twice is stored once. */
    private Uni<Map<String, Indexed>> index(List<Identifier> given) {
        List<Uni<Indexed>> each = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Identifier identifier = given.get(i);
            String field = "identifiers[" + i + "].value";
            String normalized = IdentifierNormalizer.normalize(identifier.type(), identifier.value(), field);
            each.add(blindIndex.of(identifier, field).map(index -> new Indexed(identifier.type(), normalized, index)));
        }
        return Multi.createFrom().iterable(each).onItem().transformToUniAndConcatenate(u -> u).collect().asList()
                .map(list -> {
                    Map<String, Indexed> unique = new LinkedHashMap<>();
                    list.forEach(i -> unique.putIfAbsent(i.blindIndex(), i));
                    return unique;
                });
    }

    private DsrRequest newRequest(CreateRequest body, Instant receivedAt, Instant now, String actor) {
        DsrRequest request = new DsrRequest();
        request.id = UUID.randomUUID();
        request.type = body.type();
        request.status = RequestStatus.RECEIVED;
        request.channel = blankToNull(body.channel());
        request.subjectResolution = SubjectResolution.PENDING;
        request.receivedAt = receivedAt;
        request.originalDueAt = Deadlines.dueAt(receivedAt, config.deadline().zone());
        request.dueAt = request.originalDueAt;
        request.platformDueAt = platformDeadlines.dueAt(request.channel, receivedAt).orElse(null);
        request.filedBy = actor;
        request.createdAt = now;
        request.updatedAt = now;
        return request;
    }

    private static List<RequestIdentifier> rows(UUID requestId, Map<String, Indexed> indexed, SubjectCipher cipher) {
        List<RequestIdentifier> rows = new ArrayList<>();
        for (Indexed i : indexed.values()) {
            RequestIdentifier row = new RequestIdentifier();
            row.id = UUID.randomUUID();
            row.requestId = requestId;
            row.position = rows.size();
            row.type = i.type();
            row.blindIndex = i.blindIndex();
            row.valueEncrypted = cipher.encrypt(RequestIdentifier.value(i.type()), i.normalized());
            rows.add(row);
        }
        return rows;
    }

    private String write(RectificationRequest rectification) {
        try {
            return json.writeValueAsString(rectification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A rectification cannot be serialised", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An identifier in normalised form with its blind index; the value is personal data. */
    private record Indexed(IdentifierType type, String normalized, String blindIndex) {
        @Override
        public String toString() {
            return "Indexed[type=" + type + ", <redacted>]";
        }
    }
}

package io.privacygate.consent.service.privacycenter;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.privacygate.consent.api.ConsentEventView;
import io.privacygate.consent.api.ConsentRequest;
import io.privacygate.consent.api.NoticeView;
import io.privacygate.consent.api.PrivacyOverview;
import io.privacygate.consent.client.DsrClient;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.model.ConsentEvent;
import io.privacygate.consent.model.ConsentState;
import io.privacygate.consent.model.PrivacyRequest;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.ConsentEventRepository;
import io.privacygate.consent.repository.ObjectionRepository;
import io.privacygate.consent.repository.PrivacyRequestRepository;
import io.privacygate.consent.service.consents.ConsentService;
import io.privacygate.consent.service.objections.ObjectionService;
import io.privacygate.consent.service.receipts.ReceiptService;
import io.privacygate.consent.service.subjects.SubjectService;
import io.privacygate.consent.service.verification.PrivacyVerification;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a data subject does in the privacy center once verified, always for the address they proved: read
 * their consents and change them (each change a consent event with its evidence and receipt, through
 * {@link ConsentService} like any other), download their receipts, and file and follow data subject requests
 * in dsr-service.
 */
@ApplicationScoped
public class PrivacyCenterService {
    private static final Logger LOG = Logger.getLogger(PrivacyCenterService.class);
    /** Who records what subjects choose here, in consent events ({@code recordedBy}). */
    public static final String ACTOR = "privacy-center";
    public static final String COLLECTION_METHOD = "privacy-center";
    public static final String FORM_ID = "privacy-center/consents";
    /** Objections are not among them: they are made per purpose, where Art. 21 applies ({@link #object}). */
    public static final Set<String> REQUEST_TYPES = Set.of("ACCESS", "PORTABILITY", "RECTIFICATION", "ERASURE",
            "RESTRICTION");
    private static final int REQUESTS_SHOWN = 20;

    private final NoticeService notices;
    private final SubjectService subjects;
    private final ConsentService consents;
    private final ConsentEventRepository events;
    private final ReceiptService receipts;
    private final PrivacyRequestRepository requests;
    private final PrivacyVerification verification;
    private final DsrClient dsr;
    private final ObjectionService objections;
    private final ObjectionRepository objectionRows;
    private final PrivacyTexts texts;
    private final ConsentConfig.PrivacyCenter config;

    PrivacyCenterService(NoticeService notices, SubjectService subjects, ConsentService consents,
                         ConsentEventRepository events, ReceiptService receipts, PrivacyRequestRepository requests,
                         PrivacyVerification verification, DsrClient dsr, ObjectionService objections,
                         ObjectionRepository objectionRows, PrivacyTexts texts, ConsentConfig config) {
        this.notices = notices;
        this.subjects = subjects;
        this.consents = consents;
        this.events = events;
        this.receipts = receipts;
        this.requests = requests;
        this.verification = verification;
        this.dsr = dsr;
        this.objections = objections;
        this.objectionRows = objectionRows;
        this.texts = texts;
        this.config = config.privacyCenter();
    }

    @WithSession
    public Uni<PrivacyOverview> overview(String email, String language) {
        return notices.notices(language).chain(all -> subjectOf(email).chain(subject -> latestEvents(subject)
                .chain(latest -> objectionDates(subject).chain(objected -> requestStates(email, language)
                        .map(filed -> new PrivacyOverview(all.stream().map(n -> choice(n, latest.get(n.key()),
                                objected.get(n.key()), language)).toList(), filed, subject.isPresent()))))));
    }

    /**
     * The subject's objection to one purpose (Art. 21), recorded like any other ({@code recordedBy=privacy-center});
     * an address we hold nothing about has nothing to object to (422), and is not created for it.
     */
    public Uni<ObjectionService.Recorded> object(String email, String purpose) {
        return Panache.withSession(() -> subjectOf(email)).chain(subject -> subject
                .map(id -> objections.object(id, purpose, ACTOR))
                .orElseGet(() -> Uni.createFrom().failure(ProblemException.unprocessable("Nothing is held about you."))));
    }

    private Uni<Map<String, String>> objectionDates(Optional<UUID> subject) {
        if (subject.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return objectionRows.findBySubject(subject.get()).map(all -> {
            Map<String, String> dates = new LinkedHashMap<>();
            all.forEach(o -> dates.put(o.purposeKey, date(o.objectedAt)));
            return dates;
        });
    }

    /** Evidence of a choice made here: the page, the form, the client's IP (pseudonymised) and user agent. */
    public record Evidence(String source, String ip, String userAgent) {
        @Override
        public String toString() {
            return "Evidence[source=" + source + ", <redacted>]";
        }
    }

    /** Which notice the page showed: its version, and the language and hash of its registered text (Art. 7(1)). */
    public record NoticeShown(String version, String language, String hash) {
        /** From the form's fields, an empty one as absent. */
        public static NoticeShown of(String version, String language, String hash) {
            return new NoticeShown(blankToNull(version), blankToNull(language), blankToNull(hash));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    /**
     * Records the choice as a consent event; choosing what is already recorded changes nothing (the current
     * event is answered, {@code replayed}).
     */
    public Uni<ConsentService.Recorded> choose(String email, String purpose, ConsentState state, NoticeShown notice,
                                               Evidence evidence) {
        ConsentRequest request = new ConsentRequest(null, List.of(emailIdentifier(email)), purpose, state,
                notice.version(), notice.language(), notice.hash(), COLLECTION_METHOD,
                new ConsentRequest.Evidence(evidence.source(), FORM_ID, evidence.ip(), evidence.userAgent(), null));
        return consents.record(request, null, ACTOR)
                .onFailure(e -> e instanceof ProblemException p && p.type() == ProblemType.CONFLICT)
                .recoverWithUni(() -> currentEvent(email, purpose)
                        .map(event -> new ConsentService.Recorded(event, true)));
    }

    /** A receipt of one of the subject's own events; any other is "not found". */
    @WithSession
    public Uni<String> receipt(String email, UUID receiptId) {
        return subjectOf(email).chain(subject -> events.findByReceiptId(receiptId).chain(event -> {
            if (event == null || subject.isEmpty() || !event.subjectId.equals(subject.get())) {
                return Uni.createFrom().failure(ProblemException.notFound("No such receipt."));
            }
            return receipts.receipt(receiptId);
        }));
    }

    /**
     * Files the request in dsr-service for the verified address, then verifies it there as an e-mail code checked
     * here. The form's key makes a repeated submission (a double click, a retry after a failure) the same request.
     */
    public Uni<UUID> file(String email, String type, String details, String correctedEmail, String formKey,
                          Instant verifiedAt) {
        if (!REQUEST_TYPES.contains(type)) {
            throw ProblemException.invalidField("type", "is not a type of request");
        }
        List<Identifier> corrected = List.of();
        if ("RECTIFICATION".equals(type)) {
            if (correctedEmail == null || correctedEmail.isBlank()) {
                throw ProblemException.invalidField("correctedEmail", "is required to correct your address");
            }
            corrected = List.of(emailIdentifier(PrivacyVerification.normalizedEmail(correctedEmail)));
        }
        if (details != null && details.length() > 4000) {
            throw ProblemException.invalidField("details", "must be at most 4000 characters");
        }
        String evidence = "One-time code e-mailed by consent-service's privacy center to the e-mail address of the "
                + "request and entered at " + verifiedAt + " (valid " + config.codes().ttl() + ", at most "
                + config.codes().maxAttempts() + " attempts).";
        return dsr.file(type, emailIdentifier(email), details, corrected, "privacy-center-file-" + formKey)
                .chain(filed -> remember(email, filed.id(), type)
                        .chain(() -> dsr.verify(filed.id(), evidence, "privacy-center-verify-" + formKey))
                        .invoke(() -> LOG.debugf("Privacy center filed %s request %s in dsr-service, verified", type, filed.id()))
                        .replaceWith(filed.id()));
    }

    /** The package of a request the subject filed here, or null when there is none to give. */
    @WithSession
    public Uni<DsrClient.Export> export(String email, UUID requestId) {
        return verification.addressIndex(email).chain(address -> requests.findById(requestId).chain(filed -> {
            if (filed == null || !filed.addressIndex.equals(address)) {
                return Uni.createFrom().failure(ProblemException.notFound("No such request."));
            }
            return dsr.export(requestId);
        }));
    }

    private Uni<Void> remember(String email, UUID requestId, String type) {
        return verification.addressIndex(email).chain(address -> Panache.withTransaction(() -> requests.findById(requestId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            PrivacyRequest row = new PrivacyRequest();
            row.dsrRequestId = requestId;
            row.addressIndex = address;
            row.type = type;
            row.filedAt = Timestamps.now();
            return requests.persistAndFlush(row).replaceWithVoid();
        })));
    }

    private Uni<Optional<UUID>> subjectOf(String email) {
        return subjects.lookup(List.of(emailIdentifier(email)))
                .map(found -> Optional.of(found.subjectId()))
                .onFailure(e -> e instanceof ProblemException p
                        && (p.type() == ProblemType.NOT_FOUND || p.type() == ProblemType.CONFLICT))
                .recoverWithItem(Optional.empty());
    }

    private Uni<Map<String, ConsentEvent>> latestEvents(Optional<UUID> subject) {
        if (subject.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return events.findBySubject(subject.get()).map(all -> {
            Map<String, ConsentEvent> latest = new LinkedHashMap<>();
            all.forEach(e -> latest.put(e.purposeKey, e));
            return latest;
        });
    }

    private Uni<ConsentEventView> currentEvent(String email, String purpose) {
        return Panache.withSession(() -> subjectOf(email).chain(subject -> latestEvents(subject).map(latest -> {
            ConsentEvent event = latest.get(purpose);
            if (event == null) {
                throw ProblemException.conflict("The choice could not be recorded.");
            }
            return ConsentService.view(event, null);
        })));
    }

    private PrivacyOverview.Choice choice(NoticeView notice, ConsentEvent latest, String objectedOn, String language) {
        PrivacyMessages words = texts.of(language);
        if (latest == null) {
            return new PrivacyOverview.Choice(notice, null, PrivacyLabels.state(words, null), null, null, true, objectedOn);
        }
        boolean current = latest.noticeVersion.equals(notice.noticeVersion());
        return new PrivacyOverview.Choice(notice, latest.state.name(), PrivacyLabels.state(words, latest.state),
                date(latest.capturedAt), latest.receiptId, current, objectedOn);
    }

    private Uni<List<PrivacyOverview.RequestState>> requestStates(String email, String language) {
        return verification.addressIndex(email).chain(address -> requests.findByAddress(address, REQUESTS_SHOWN))
                .chain(filed -> {
                    if (filed.isEmpty()) {
                        return Uni.createFrom().item(List.of());
                    }
                    List<Uni<PrivacyOverview.RequestState>> each = filed.stream().map(row -> dsr.get(row.dsrRequestId)
                            .map(answer -> state(row, answer == null ? null : answer.body(), language))
                            .onFailure().recoverWithItem(() -> unavailable(row, language))).toList();
                    return Uni.join().all(each).andFailFast();
                });
    }

    private PrivacyOverview.RequestState state(PrivacyRequest row, JsonNode body, String language) {
        if (body == null) {
            return unavailable(row, language);
        }
        String status = body.path("status").asText();
        JsonNode export = body.path("answer").path("export");
        PrivacyMessages words = texts.of(language);
        return new PrivacyOverview.RequestState(row.dsrRequestId, row.type, PrivacyLabels.requestType(words, row.type),
                status, PrivacyLabels.requestStatus(words, status), date(body.path("receivedAt").asText(null)),
                date(body.path("dueAt").asText(null)), body.path("extended").asBoolean(), body.path("overdue").asBoolean(),
                export.path("available").asBoolean(false), date(export.path("expiresAt").asText(null)),
                body.path("answer").path("summary").asText(null), false);
    }

    private PrivacyOverview.RequestState unavailable(PrivacyRequest row, String language) {
        PrivacyMessages words = texts.of(language);
        return new PrivacyOverview.RequestState(row.dsrRequestId, row.type, PrivacyLabels.requestType(words, row.type),
                null, words.statusUnavailable(), date(row.filedAt), null, false, false, false, null,
                null, true);
    }

    private static Identifier emailIdentifier(String email) {
        return new Identifier(IdentifierType.EMAIL, email);
    }

    /** Dates as ISO calendar dates (UTC): the same in every language. */
    static String date(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String date(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return date(Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}

package io.privacygate.consent.service.consents;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.crypto.PseudonymKeys;
import io.privacygate.commons.crypto.SubjectCipher;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.security.IpPseudonyms;
import io.privacygate.consent.api.ConsentEventView;
import io.privacygate.consent.api.ConsentRequest;
import io.privacygate.consent.api.SubjectReference;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.model.ConsentEvent;
import io.privacygate.consent.model.ConsentState;
import io.privacygate.consent.model.Purpose;
import io.privacygate.consent.model.PurposeNotice;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.ConsentEventRepository;
import io.privacygate.consent.repository.PurposeNoticeRepository;
import io.privacygate.consent.repository.PurposeRepository;
import io.privacygate.consent.service.audit.ConsentAudit;
import io.privacygate.consent.service.decisionstate.Changed;
import io.privacygate.consent.service.decisionstate.StateChanges;
import io.privacygate.consent.service.decisionstate.StateKeys;
import io.privacygate.consent.service.purposes.NoticeHash;
import io.privacygate.consent.service.receipts.ReceiptService;
import io.privacygate.consent.service.subjects.PendingSubjects;
import io.privacygate.consent.service.subjects.SubjectService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Records consent events: appended, never changed ({@link ConsentQueries} reads them).
 * <p>
 * Duplicates: with an {@code Idempotency-Key}, a repeated request replays the first answer and the same
 * key with a different request is refused (422); without one, an event identical to the subject's current
 * event for the purpose is refused (409) rather than recorded twice.
 */
@ApplicationScoped
public class ConsentService {
    /** The key that pseudonymises the IP addresses of consent evidence. */
    private static final String IP_PSEUDONYM_KEY = "consent-ip-pseudonym";
    private final ConsentEventRepository events;
    private final PurposeRepository purposes;
    private final PurposeNoticeRepository notices;
    private final SubjectService subjects;
    private final SubjectKeys keys;
    private final PseudonymKeys pseudonymKeys;
    private final ConsentAudit audit;
    private final ConsentSubscribers subscribers;
    private final StateChanges changes;
    private final ConsentConfig config;
    private final SecurityIdentity identity;
    private final ReceiptService receipts;
    private final PendingSubjects pending;

    ConsentService(ConsentEventRepository events, PurposeRepository purposes, PurposeNoticeRepository notices,
                   SubjectService subjects, SubjectKeys keys, PseudonymKeys pseudonymKeys, ConsentAudit audit,
                   ConsentSubscribers subscribers, StateChanges changes, ConsentConfig config, SecurityIdentity identity,
                   ReceiptService receipts, PendingSubjects pending) {
        this.events = events;
        this.purposes = purposes;
        this.notices = notices;
        this.subjects = subjects;
        this.keys = keys;
        this.pseudonymKeys = pseudonymKeys;
        this.audit = audit;
        this.subscribers = subscribers;
        this.changes = changes;
        this.config = config;
        this.identity = identity;
        this.receipts = receipts;
        this.pending = pending;
    }

    /** The event recorded, or the one an idempotent retry refers to ({@code replayed}). */
    public record Recorded(ConsentEventView event, boolean replayed) {
    }

    public Uni<Recorded> record(ConsentRequest request, String idempotencyKey) {
        return record(request, idempotencyKey, Actors.of(identity));
    }

    /**
     * As {@link #record(ConsentRequest, String)}, on behalf of {@code actor}: the privacy center records the
     * choices data subjects make themselves, who hold no token ({@code privacy-center}).
     */
    public Uni<Recorded> record(ConsentRequest request, String idempotencyKey, String actor) {
        SubjectReference.check(request.subjectId(), request.identifiers(), "");
        if (request.state() == ConsentState.GRANTED && (request.noticeVersion() == null || request.noticeVersion().isBlank())) {
            throw ProblemException.invalidField("noticeVersion", "is required to grant consent");
        }
        if ((request.noticeLanguage() == null) != (request.noticeHash() == null)) {
            throw ProblemException.invalidField(request.noticeHash() == null ? "noticeHash" : "noticeLanguage",
                    "is required with " + (request.noticeHash() == null ? "noticeLanguage" : "noticeHash"));
        }
        ConsentRequest.Evidence evidence = request.evidence() == null
                ? new ConsentRequest.Evidence(null, null, null, null, null) : request.evidence();
        Instant now = Timestamps.now();
        if (evidence.capturedAt() != null && evidence.capturedAt().isAfter(now.plus(config.evidence().maxClockSkew()))) {
            throw ProblemException.invalidField("evidence.capturedAt", "must not be in the future");
        }
        Submission submission = new Submission(request, evidence, idempotencyKey, actor, now);
        return ipPseudonym(evidence.ip()).chain(ip -> changes.commit(() -> subjectOf(request)
                .chain(subject -> recordFor(subject, submission, ip))));
    }

    /** What was submitted, by whom and when. */
    private record Submission(ConsentRequest request, ConsentRequest.Evidence evidence, String idempotencyKey,
                              String actor, Instant receivedAt) {
    }

    /**
     * Inside the transaction, the subject known: one writer at a time per idempotency key and per subject
     * and purpose, so that a duplicate is recognised rather than raced; then the event is appended.
     */
    private Uni<Changed<Recorded>> recordFor(Changed<UUID> subject, Submission submission, String ipPseudonym) {
        UUID subjectId = subject.value();
        String purpose = submission.request().purpose();
        Uni<Void> idempotencyLock = submission.idempotencyKey() == null ? Uni.createFrom().voidItem()
                : events.lock("idempotency/" + submission.actor() + "/" + submission.idempotencyKey());
        return idempotencyLock
                .chain(() -> events.lock("consent/" + subjectId + "/" + purpose))
                .chain(() -> consentPurpose(purpose))
                .chain(current -> noticeVersionOf(current, submission.request().noticeVersion()))
                .chain(shown -> registeredText(shown, submission.request())
                        .chain(text -> appendUnlessDuplicate(newEvent(subjectId, shown, text, submission, ipPseudonym),
                                shown, submission.evidence().userAgent())))
                .map(recorded -> recorded.and(subject.keys()));
    }

    private Uni<Changed<Recorded>> appendUnlessDuplicate(ConsentEvent event, Purpose shown, String userAgent) {
        return duplicateOf(event).chain(duplicate -> duplicate != null
                ? replay(duplicate).map(view -> Changed.none(new Recorded(view, true)))
                : append(event, shown, userAgent)
                .map(view -> Changed.of(new Recorded(view, false), Set.of(StateKeys.subject(event.subjectId)))));
    }

    private Uni<Changed<UUID>> subjectOf(ConsentRequest request) {
        if (request.subjectId() != null) {
            return subjects.requireExisting(request.subjectId()).map(subject -> Changed.none(subject.id));
        }
        return subjects.resolveWithin(request.identifiers(), "identifiers")
                .map(resolved -> new Changed<>(resolved.value().subjectId(), resolved.keys()));
    }

    private Uni<Purpose> consentPurpose(String key) {
        return purposes.findCurrent(key).map(purpose -> {
            if (purpose == null) {
                throw ProblemException.unprocessable("No purpose with key '" + key + "'.");
            }
            // Consent is asked only where it is the legal basis: asking for it elsewhere misleads (EDPB 05/2020, §121).
            if (purpose.legalBasis != LegalBasis.CONSENT) {
                throw ProblemException.unprocessable("Purpose '" + key + "' is based on " + purpose.legalBasis
                        + ", not on consent: no consent is recorded for it.");
            }
            return purpose;
        });
    }

    /** The purpose version whose notice was shown: the current one, or the latest that had that notice version. */
    private Uni<Purpose> noticeVersionOf(Purpose current, String noticeVersion) {
        if (noticeVersion == null || noticeVersion.isBlank() || noticeVersion.equals(current.noticeVersion)) {
            return Uni.createFrom().item(current);
        }
        return purposes.findLatestWithNotice(current.key, noticeVersion).map(shown -> {
            if (shown == null) {
                throw ProblemException.unprocessable("noticeVersion does not match any notice of purpose '" + current.key + "'.");
            }
            return shown;
        });
    }

    /**
     * The registered text the request says was shown, its hash checked against the register (Art. 7(1): the
     * controller must be able to demonstrate what the subject consented to). A grant for a notice version with
     * registered texts must say which one was shown; a notice version without any is shown only at its
     * {@code noticeUrl}, and its events record no hash. Null when the request states none.
     */
    private Uni<PurposeNotice> registeredText(Purpose shown, ConsentRequest request) {
        String language = request.noticeLanguage();
        if (language == null) {
            if (request.state() != ConsentState.GRANTED) {
                return Uni.createFrom().nullItem();
            }
            return notices.countForVersion(shown.key, shown.noticeVersion).map(texts -> {
                if (texts > 0) {
                    throw ProblemException.unprocessable("Notice version '" + shown.noticeVersion + "' of purpose '"
                            + shown.key + "' has registered texts: state the noticeLanguage and noticeHash of the text shown.");
                }
                return null;
            });
        }
        return notices.findById(new PurposeNotice.Key(shown.key, shown.noticeVersion, language)).map(text -> {
            if (text == null || !MessageDigest.isEqual(bytes(NoticeHash.of(language, text.title, text.body)),
                    bytes(request.noticeHash()))) {
                throw ProblemException.unprocessable("noticeHash is not the hash of the text registered for notice version '"
                        + shown.noticeVersion + "' of purpose '" + shown.key + "' in that language: nothing was recorded.");
            }
            return text;
        });
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private Uni<ConsentEvent> duplicateOf(ConsentEvent event) {
        if (event.idempotencyKey != null) {
            return events.findByIdempotencyKey(event.recordedBy, event.idempotencyKey).map(earlier -> {
                if (earlier != null && !event.fingerprint.equals(earlier.fingerprint)) {
                    throw ProblemException.unprocessable("This Idempotency-Key was used for a different request.");
                }
                return earlier;
            });
        }
        return events.findLatest(event.subjectId, event.purposeKey).map(latest -> {
            if (latest != null && event.fingerprint.equals(latest.fingerprint)) {
                throw ProblemException.conflict("An identical consent event is already the current one: " + latest.id + ".");
            }
            return null;
        });
    }

    private Uni<ConsentEventView> append(ConsentEvent event, Purpose shown, String userAgent) {
        return keys.forWriting(event.subjectId)
                .invoke(cipher -> event.userAgentEncrypted = cipher.encrypt(ConsentEvent.USER_AGENT, userAgent))
                .call(() -> receipts.sign(event, shown).invoke(receipt -> event.receiptJws = receipt))
                .chain(cipher -> events.persistAndFlush(event)
                        // A consent event is kept as proof (Art. 7(1)), so its subject is no longer pending (#20).
                        .call(saved -> pending.confirm(saved.subjectId))
                        .call(saved -> audited(saved, shown.legalBasis))
                        .call(saved -> subscribers.notify(saved))
                        .map(saved -> view(saved, cipher)));
    }

    private Uni<Void> audited(ConsentEvent event, LegalBasis basis) {
        return switch (event.state) {
            case GRANTED -> audit.consentGranted(event, basis);
            case WITHDRAWN -> audit.consentWithdrawn(event, basis);
            case DENIED -> audit.consentRefused(event, basis);
        };
    }

    private Uni<ConsentEventView> replay(ConsentEvent earlier) {
        return keys.forReading(earlier.subjectId).map(cipher -> view(earlier, cipher));
    }

    private Uni<String> ipPseudonym(String ip) {
        if (ip == null || ip.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return pseudonymKeys.key(IP_PSEUDONYM_KEY).map(key -> IpPseudonyms.pseudonymise(key, ip)
                .orElseThrow(() -> ProblemException.invalidField("evidence.ip", "is not an IPv4 or IPv6 address")));
    }

    private static ConsentEvent newEvent(UUID subjectId, Purpose shown, PurposeNotice text, Submission submission,
                                         String ipPseudonym) {
        ConsentRequest request = submission.request();
        ConsentRequest.Evidence evidence = submission.evidence();
        Instant now = submission.receivedAt();
        ConsentEvent event = new ConsentEvent();
        event.id = UUID.randomUUID();
        event.receiptId = UUID.randomUUID();
        event.subjectId = subjectId;
        event.purposeKey = shown.key;
        event.purposeVersion = shown.version;
        event.state = request.state();
        event.noticeVersion = shown.noticeVersion;
        if (text != null) {
            event.noticeLanguage = text.id.language;
            event.noticeHash = NoticeHash.of(text.id.language, text.title, text.body);
        }
        event.collectionMethod = request.collectionMethod().trim();
        event.source = EvidenceSources.withoutPersonalParts(evidence.source());
        event.formId = evidence.formId();
        event.ipPseudonym = ipPseudonym;
        event.capturedAt = evidence.capturedAt() == null ? now : Timestamps.of(evidence.capturedAt());
        event.recordedAt = now;
        event.recordedBy = submission.actor();
        event.idempotencyKey = submission.idempotencyKey();
        event.fingerprint = fingerprint(event, evidence);
        return event;
    }

    /** What makes two submissions the same: everything the client sent, but not when it reached us. */
    static String fingerprint(ConsentEvent event, ConsentRequest.Evidence evidence) {
        String canonical = String.join("\n", event.subjectId.toString(), event.purposeKey, event.state.name(),
                event.noticeVersion, event.collectionMethod, Objects.toString(event.source, ""),
                Objects.toString(event.formId, ""), Objects.toString(event.ipPseudonym, ""),
                Objects.toString(evidence.userAgent(), ""), Objects.toString(evidence.capturedAt(), ""));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    public static ConsentEventView view(ConsentEvent e, SubjectCipher cipher) {
        return new ConsentEventView(e.id, e.receiptId, e.subjectId, e.purposeKey, e.purposeVersion, e.state,
                e.noticeVersion, e.noticeLanguage, e.noticeHash, e.collectionMethod,
                new ConsentEventView.EvidenceView(e.source, e.formId, e.ipPseudonym,
                        cipher == null ? null : cipher.decrypt(ConsentEvent.USER_AGENT, e.userAgentEncrypted), e.capturedAt),
                e.recordedAt);
    }
}

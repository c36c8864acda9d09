package io.privacygate.consent.service;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.crypto.SubjectCipher;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.consent.api.ConsentEventView;
import io.privacygate.consent.api.ConsentRequest;
import io.privacygate.consent.api.CurrentConsent;
import io.privacygate.consent.api.SubjectReference;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.model.ConsentEvent;
import io.privacygate.consent.model.ConsentState;
import io.privacygate.consent.model.Purpose;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.ConsentEventRepository;
import io.privacygate.consent.repository.PurposeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Consent events: appended, never changed; the current state is the latest event per purpose.
 * <p>
 * Duplicates: with an {@code Idempotency-Key}, a repeated request replays the first answer and the same
 * key with a different request is refused (422); without one, an event identical to the subject's current
 * event for the purpose is refused (409) rather than recorded twice.
 */
@ApplicationScoped
public class ConsentService {
    private final ConsentEventRepository events;
    private final PurposeRepository purposes;
    private final SubjectService subjects;
    private final SubjectKeys keys;
    private final EvidenceKeys evidenceKeys;
    private final ConsentAudit audit;
    private final ConsentSubscribers subscribers;
    private final StateChanges changes;
    private final ConsentConfig config;
    private final SecurityIdentity identity;

    ConsentService(ConsentEventRepository events, PurposeRepository purposes, SubjectService subjects, SubjectKeys keys,
                   EvidenceKeys evidenceKeys, ConsentAudit audit, ConsentSubscribers subscribers, StateChanges changes,
                   ConsentConfig config, SecurityIdentity identity) {
        this.events = events;
        this.purposes = purposes;
        this.subjects = subjects;
        this.keys = keys;
        this.evidenceKeys = evidenceKeys;
        this.audit = audit;
        this.subscribers = subscribers;
        this.changes = changes;
        this.config = config;
        this.identity = identity;
    }

    /** The event recorded, or the one an idempotent retry refers to ({@code replayed}). */
    public record Recorded(ConsentEventView event, boolean replayed) {
    }

    public Uni<Recorded> record(ConsentRequest request, String idempotencyKey) {
        SubjectReference.check(request.subjectId(), request.identifiers(), "");
        if (request.state() == ConsentState.GRANTED && (request.noticeVersion() == null || request.noticeVersion().isBlank())) {
            throw ProblemException.invalidField("noticeVersion", "is required to grant consent");
        }
        ConsentRequest.Evidence evidence = request.evidence() == null
                ? new ConsentRequest.Evidence(null, null, null, null, null) : request.evidence();
        Instant now = Timestamps.now();
        if (evidence.capturedAt() != null && evidence.capturedAt().isAfter(now.plus(config.evidence().maxClockSkew()))) {
            throw ProblemException.invalidField("evidence.capturedAt", "must not be in the future");
        }
        String actor = Actors.of(identity);
        return ipPseudonym(evidence.ip()).chain(ip -> changes.commit(() -> subjectOf(request)
                .call(() -> idempotencyKey == null ? Uni.createFrom().voidItem()
                        : events.lock("idempotency/" + actor + "/" + idempotencyKey))
                .chain(subject -> events.lock("consent/" + subject.value() + "/" + request.purpose())
                        .chain(() -> consentPurpose(request.purpose()))
                        .chain(current -> noticeVersionOf(current, request.noticeVersion()))
                        .chain(shown -> {
                            ConsentEvent event = newEvent(subject.value(), shown, request, evidence, ip, now, actor, idempotencyKey);
                            return duplicateOf(event).chain(duplicate -> duplicate != null
                                    ? replay(duplicate).map(view -> Changed.none(new Recorded(view, true)))
                                    : append(event, shown.legalBasis, evidence.userAgent())
                                    .map(view -> Changed.of(new Recorded(view, false), Set.of(StateKeys.subject(event.subjectId)))));
                        })
                        .map(recorded -> recorded.and(subject.keys())))));
    }

    /** Current state per purpose: the latest event of each, and whether its notice is still the current one. */
    @WithSession
    public Uni<Page<CurrentConsent>> current(UUID subjectId, PageRequest page) {
        return subjects.requireFound(subjectId)
                .chain(() -> events.findBySubject(subjectId))
                .chain(all -> purposes.findAllCurrent().map(inForce -> {
                    Map<String, String> currentNotice = inForce.stream()
                            .filter(p -> p.noticeVersion != null)
                            .collect(Collectors.toMap(p -> p.key, p -> p.noticeVersion));
                    Map<String, ConsentEvent> latest = new LinkedHashMap<>();
                    all.forEach(e -> latest.put(e.purposeKey, e));
                    List<CurrentConsent> states = latest.values().stream()
                            .sorted(Comparator.comparing(e -> e.purposeKey))
                            .map(e -> new CurrentConsent(e.purposeKey, e.state, e.id, e.receiptId, e.noticeVersion,
                                    e.noticeVersion.equals(currentNotice.get(e.purposeKey)), e.capturedAt))
                            .toList();
                    int from = Math.min(page.offset(), states.size());
                    int to = Math.min(from + page.size(), states.size());
                    return new Page<>(states.subList(from, to), page.page(), page.size(), states.size());
                }));
    }

    /** Every event of the subject, oldest first. */
    @WithSession
    public Uni<Page<ConsentEventView>> history(UUID subjectId, PageRequest page) {
        return subjects.requireFound(subjectId)
                .chain(() -> events.pageBySubject(subjectId, page))
                .chain(items -> events.countBySubject(subjectId).chain(total -> views(subjectId, items)
                        .map(views -> new Page<>(views, page.page(), page.size(), total))));
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

    private Uni<ConsentEventView> append(ConsentEvent event, LegalBasis basis, String userAgent) {
        return keys.forWriting(event.subjectId)
                .invoke(cipher -> event.userAgentEncrypted = cipher.encrypt(userAgent))
                .chain(cipher -> events.persistAndFlush(event)
                        .call(saved -> audited(saved, basis))
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

    private Uni<List<ConsentEventView>> views(UUID subjectId, List<ConsentEvent> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return keys.forReading(subjectId).map(cipher -> items.stream().map(e -> view(e, cipher)).toList());
    }

    private Uni<String> ipPseudonym(String ip) {
        if (ip == null || ip.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return evidenceKeys.ipKey().map(key -> IpPseudonyms.pseudonymise(key, ip)
                .orElseThrow(() -> ProblemException.invalidField("evidence.ip", "is not an IPv4 or IPv6 address")));
    }

    private static ConsentEvent newEvent(UUID subjectId, Purpose shown, ConsentRequest request, ConsentRequest.Evidence evidence,
                                         String ipPseudonym, Instant now, String actor, String idempotencyKey) {
        ConsentEvent event = new ConsentEvent();
        event.id = UUID.randomUUID();
        event.receiptId = UUID.randomUUID();
        event.subjectId = subjectId;
        event.purposeKey = shown.key;
        event.purposeVersion = shown.version;
        event.state = request.state();
        event.noticeVersion = shown.noticeVersion;
        event.noticeHash = shown.noticeHash;
        event.collectionMethod = request.collectionMethod().trim();
        event.source = evidence.source();
        event.formId = evidence.formId();
        event.ipPseudonym = ipPseudonym;
        event.capturedAt = evidence.capturedAt() == null ? now : Timestamps.of(evidence.capturedAt());
        event.recordedAt = now;
        event.recordedBy = actor;
        event.idempotencyKey = idempotencyKey;
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

    static ConsentEventView view(ConsentEvent e, SubjectCipher cipher) {
        return new ConsentEventView(e.id, e.receiptId, e.subjectId, e.purposeKey, e.purposeVersion, e.state,
                e.noticeVersion, e.noticeHash, e.collectionMethod,
                new ConsentEventView.EvidenceView(e.source, e.formId, e.ipPseudonym,
                        cipher == null ? null : cipher.decrypt(e.userAgentEncrypted), e.capturedAt),
                e.recordedAt);
    }
}

package io.privacygate.consent.service.purposes;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.consent.api.PurposeRequest;
import io.privacygate.consent.api.PurposeView;
import io.privacygate.consent.api.Ropa;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.model.Art14Notice;
import io.privacygate.consent.model.Purpose;
import io.privacygate.consent.model.PurposeStatus;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.BalancingTestRepository;
import io.privacygate.consent.repository.PurposeNoticeRepository;
import io.privacygate.consent.repository.PurposeRepository;
import io.privacygate.consent.service.audit.ConsentAudit;
import io.privacygate.consent.service.decisionstate.Changed;
import io.privacygate.consent.service.decisionstate.StateChanges;
import io.privacygate.consent.service.decisionstate.StateKeys;
import io.privacygate.consent.service.decisions.PlatformTerms;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import io.privacygate.consent.config.SubjectsConfig;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The Art. 30 register: purposes, versioned so that every consent points at what was in force. */
@ApplicationScoped
public class PurposeService {
    private final PurposeRepository purposes;
    private final PurposeNoticeRepository notices;
    private final BalancingTestRepository balancingTests;
    private final ConsentAudit audit;
    private final StateChanges changes;
    private final ConsentConfig config;
    private final SecurityIdentity identity;
    private final PlatformTerms platformTerms;
    private final SubjectsConfig subjectsConfig;

    PurposeService(PurposeRepository purposes, PurposeNoticeRepository notices, BalancingTestRepository balancingTests,
                   ConsentAudit audit, StateChanges changes, ConsentConfig config, SecurityIdentity identity,
                   PlatformTerms platformTerms, SubjectsConfig subjectsConfig) {
        this.subjectsConfig = subjectsConfig;
        this.purposes = purposes;
        this.notices = notices;
        this.balancingTests = balancingTests;
        this.audit = audit;
        this.changes = changes;
        this.config = config;
        this.identity = identity;
        this.platformTerms = platformTerms;
    }

    public Uni<PurposeView> create(PurposeRequest request) {
        if (request.key() == null) {
            throw ProblemException.invalidField("key", "must not be blank");
        }
        Definition definition = Definition.of(request);
        return changes.commit(() -> purposes.lockKey(request.key())
                .chain(() -> purposes.findCurrent(request.key()))
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "Purpose '" + request.key() + "' exists; change it with PUT, which makes a new version."));
                    }
                    Purpose created = definition.toVersion(request.key(), 1, actor(), false);
                    return purposes.persistAndFlush(created)
                            .call(audit::purposeCreated)
                            .chain(this::view)
                            .map(view -> Changed.of(view, Set.of(StateKeys.PURPOSES)));
                }));
    }

    /** A new version when anything changed; the same version, untouched, when nothing did. */
    public Uni<PurposeView> update(String key, PurposeRequest request) {
        if (request.key() != null && !request.key().equals(key)) {
            throw ProblemException.invalidField("key", "must match the purpose in the path");
        }
        Definition definition = Definition.of(request);
        return changes.commit(() -> purposes.lockKey(key)
                .chain(() -> purposes.findCurrent(key))
                .chain(current -> {
                    if (current == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("No such purpose."));
                    }
                    if (definition.sameAs(current)) {
                        return view(current).map(Changed::none);
                    }
                    current.current = false;
                    // The old version stops being current before the new one is inserted (one current per key).
                    return balancingTests.findInForce(Set.of(key))
                            .map(tests -> definition.toVersion(key, current.version + 1, actor(), tests.containsKey(key)))
                            .call(() -> purposes.flush())
                            .chain(purposes::persistAndFlush)
                            .call(saved -> audit.purposeChanged(current, saved))
                            .chain(this::view)
                            .map(view -> Changed.of(view, Set.of(StateKeys.PURPOSES)));
                }));
    }

    @WithSession
    public Uni<PurposeView> get(String key, Integer version) {
        Uni<Purpose> found = version == null ? purposes.findCurrent(key) : purposes.findVersion(key, version);
        return found.onItem().ifNull().failWith(() -> ProblemException.notFound(version == null
                        ? "No such purpose." : "No such version of the purpose."))
                .chain(this::view);
    }

    @WithSession
    public Uni<List<PurposeView>> versions(String key) {
        return purposes.findVersions(key).chain(all -> {
            if (all.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.notFound("No such purpose."));
            }
            return views(all);
        });
    }

    @WithSession
    public Uni<Page<PurposeView>> list(PageRequest page) {
        return purposes.pageCurrent(page).chain(items -> views(items).chain(views -> purposes.countCurrent()
                .map(total -> new Page<>(views, page.page(), page.size(), total))));
    }

    /** Art. 30(1): every processing activity in force, with the controller responsible for it. */
    @WithSession
    public Uni<Ropa> ropa() {
        ConsentConfig.Ropa items = config.ropa();
        List<Ropa.Transfer> transfers = new ArrayList<>();
        new TreeMap<>(items.transfers()).forEach((recipient, transfer) ->
                transfers.add(new Ropa.Transfer(recipient, transfer.country(), transfer.safeguard())));
        return purposes.findAllCurrent().chain(this::views).map(all -> new Ropa(
                new Ropa.Controller(config.controller().name(), config.controller().contact(),
                        config.controller().representative().orElse(null)),
                new Ropa.Dpo(config.controller().dpoContact()), Instant.now(), items.subjectCategories(), transfers,
                items.securityMeasures(), erasureTimeLimits(all), all, platformLimits()));
    }

    /**
     * Art. 30(1)(f): each activity's data is erased at the end of its retention; what this service keeps besides is
     * listed with its own limit.
     */
    private List<Ropa.ErasureTimeLimit> erasureTimeLimits(List<PurposeView> activities) {
        List<Ropa.ErasureTimeLimit> limits = new ArrayList<>();
        activities.forEach(p -> limits.add(new Ropa.ErasureTimeLimit("activity " + p.key() + ": "
                + String.join(", ", p.dataCategories()), p.retention())));
        limits.add(new Ropa.ErasureTimeLimit("people resolved without a basis (pending subjects)",
                subjectsConfig.pendingTtl().toString()));
        limits.add(new Ropa.ErasureTimeLimit("a subject's identifiers, sources and data key",
                "on erasure (Art. 17), the data key shredded first"));
        limits.add(new Ropa.ErasureTimeLimit("consent records (purpose, state, notice, times; pseudonymous after erasure)",
                "kept as proof of consent (Art. 7(1), Art. 17(3)(e))"));
        return limits;
    }

    /** The platforms' use limits in force (#21 point 4), by channel and source kind. */
    private List<Ropa.PlatformLimit> platformLimits() {
        List<Ropa.PlatformLimit> limits = new ArrayList<>();
        platformTerms.limits().forEach((channel, kinds) -> kinds.forEach((kind, keys) ->
                limits.add(new Ropa.PlatformLimit(channel, kind, keys.stream().sorted().toList()))));
        return limits;
    }

    Uni<PurposeView> view(Purpose purpose) {
        return views(List.of(purpose)).map(List::getFirst);
    }

    /** The views, each with the hashes of its notice's registered texts and its balancing test (one query each). */
    Uni<List<PurposeView>> views(List<Purpose> versions) {
        String defaultLanguage = config.privacyCenter().languages().getFirst();
        Set<String> keys = versions.stream().map(p -> p.key).collect(Collectors.toSet());
        return notices.findByPurposes(keys).chain(texts -> balancingTests.findInForce(keys).map(tests -> versions.stream()
                .map(p -> Purposes.view(p, texts, tests.get(p.key), defaultLanguage)).toList()));
    }

    private String actor() {
        return Actors.of(identity);
    }

    /** A purpose definition, checked and in canonical form (lists without repeats, retention upper-case). */
    record Definition(String title, String description, LegalBasis legalBasis, String basisReference,
                      List<String> dataCategories,
                      String retention, List<String> recipients, List<String> channels, String noticeUrl,
                      String noticeVersion, boolean gpcApplies, boolean directMarketing, Art14Notice art14Notice,
                      String art14Justification) {

        static Definition of(PurposeRequest r) {
            String retention = RetentionPeriods.parse(r.retention()).orElseThrow(() -> ProblemException.invalidField(
                    "retention", "must be a positive ISO-8601 duration, e.g. P2Y, P6M or P30D"));
            // Consent is informed only if the notice it was given for is known (Art. 7(1), Art. 13).
            if (r.legalBasis() == LegalBasis.CONSENT && isBlank(r.noticeVersion())) {
                throw ProblemException.invalidField("noticeVersion", "is required for a purpose based on consent");
            }
            if (r.legalBasis() == LegalBasis.CONSENT && isBlank(r.noticeUrl())) {
                throw ProblemException.invalidField("noticeUrl", "is required for a purpose based on consent");
            }
            return new Definition(r.title().trim(), blankToNull(r.description()), r.legalBasis(),
                    blankToNull(r.basisReference()), distinct(r.dataCategories()), retention, distinct(r.recipients()), distinct(r.channels()),
                    blankToNull(r.noticeUrl()), blankToNull(r.noticeVersion()), r.gpcApplies(),
                    Boolean.TRUE.equals(r.directMarketing()),
                    r.art14Notice() == null ? Art14Notice.INDIVIDUAL : r.art14Notice(), blankToNull(r.art14Justification()));
        }

        boolean sameAs(Purpose p) {
            return title.equals(p.title) && Objects.equals(description, p.description) && legalBasis == p.legalBasis
                    && Objects.equals(basisReference, p.basisReference)
                    && dataCategories.equals(p.dataCategories) && retention.equals(p.retention)
                    && recipients.equals(p.recipients) && channels.equals(p.channels)
                    && Objects.equals(noticeUrl, p.noticeUrl) && Objects.equals(noticeVersion, p.noticeVersion)
                    && gpcApplies == p.gpcApplies && directMarketing == p.directMarketing
                    && art14Notice == p.art14Notice && Objects.equals(art14Justification, p.art14Justification);
        }

        /** The version; ACTIVE when its basis is justified as written, a DRAFT to be justified and activated otherwise. */
        Purpose toVersion(String key, int version, String actor, boolean balancingTest) {
            Purpose p = new Purpose();
            p.id = UUID.randomUUID();
            p.key = key;
            p.version = version;
            p.current = true;
            p.title = title;
            p.description = description;
            p.legalBasis = legalBasis;
            p.basisReference = basisReference;
            p.art14Notice = art14Notice;
            p.art14Justification = art14Justification;
            p.status = Justification.missing(p, balancingTest).isEmpty() ? PurposeStatus.ACTIVE : PurposeStatus.DRAFT;
            p.dataCategories = dataCategories;
            p.retention = retention;
            p.recipients = recipients;
            p.channels = channels;
            p.noticeUrl = noticeUrl;
            p.noticeVersion = noticeVersion;
            p.gpcApplies = gpcApplies;
            p.directMarketing = directMarketing;
            p.createdAt = Timestamps.now();
            p.createdBy = actor;
            return p;
        }

        private static List<String> distinct(List<String> values) {
            return List.copyOf(new LinkedHashSet<>(values.stream().map(String::trim).toList()));
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }

        private static String blankToNull(String value) {
            return isBlank(value) ? null : value.trim();
        }
    }
}

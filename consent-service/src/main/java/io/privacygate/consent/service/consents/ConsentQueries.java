package io.privacygate.consent.service.consents;

import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.web.Page;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.consent.api.ConsentEventView;
import io.privacygate.consent.api.CurrentConsent;
import io.privacygate.consent.model.ConsentEvent;
import io.privacygate.consent.repository.ConsentEventRepository;
import io.privacygate.consent.repository.PurposeRepository;
import io.privacygate.consent.service.subjects.SubjectService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A subject's consents as people and services read them: the current state per purpose, and the history. */
@ApplicationScoped
public class ConsentQueries {
    private final ConsentEventRepository events;
    private final PurposeRepository purposes;
    private final SubjectService subjects;
    private final SubjectKeys keys;

    ConsentQueries(ConsentEventRepository events, PurposeRepository purposes, SubjectService subjects, SubjectKeys keys) {
        this.events = events;
        this.purposes = purposes;
        this.subjects = subjects;
        this.keys = keys;
    }

    /** The latest event of each purpose, and whether its notice is still the purpose's current one. */
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

    /** Every event of the subject, oldest first, with the user agent of the evidence decrypted. */
    @WithSession
    public Uni<Page<ConsentEventView>> history(UUID subjectId, PageRequest page) {
        return subjects.requireFound(subjectId)
                .chain(() -> events.pageBySubject(subjectId, page))
                .chain(items -> events.countBySubject(subjectId).chain(total -> views(subjectId, items)
                        .map(views -> new Page<>(views, page.page(), page.size(), total))));
    }

    private Uni<List<ConsentEventView>> views(UUID subjectId, List<ConsentEvent> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return keys.forReading(subjectId).map(cipher -> items.stream().map(e -> ConsentService.view(e, cipher)).toList());
    }
}

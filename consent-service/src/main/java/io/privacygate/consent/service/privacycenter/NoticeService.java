package io.privacygate.consent.service.privacycenter;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.consent.api.NoticeTextRequest;
import io.privacygate.consent.api.NoticeTextView;
import io.privacygate.consent.api.NoticeView;
import io.privacygate.consent.model.Purpose;
import io.privacygate.consent.model.PurposeNotice;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.ConsentEventRepository;
import io.privacygate.consent.repository.PurposeNoticeRepository;
import io.privacygate.consent.repository.PurposeRepository;
import io.privacygate.consent.service.audit.ConsentAudit;
import io.privacygate.consent.service.objections.Art21;
import io.privacygate.consent.service.purposes.NoticeHash;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where notice texts live: {@code purpose_notice}, one row per purpose, notice version and language, written by the
 * DPO through {@code PUT /api/v1/purposes/{key}/notices/{language}}. A purpose without a text in a language is
 * shown with its register title and description instead, marked as such. The facts always come from the purpose
 * version in force, so that the plain words cannot contradict the register.
 */
@ApplicationScoped
public class NoticeService {
    private final PurposeRepository purposes;
    private final PurposeNoticeRepository notices;
    private final ConsentEventRepository events;
    private final PrivacyTexts texts;
    private final ConsentAudit audit;
    private final SecurityIdentity identity;

    NoticeService(PurposeRepository purposes, PurposeNoticeRepository notices, ConsentEventRepository events,
                  PrivacyTexts texts, ConsentAudit audit, SecurityIdentity identity) {
        this.purposes = purposes;
        this.notices = notices;
        this.events = events;
        this.texts = texts;
        this.audit = audit;
        this.identity = identity;
    }

    /**
     * Every purpose in force, in the language, ordered by key. A notice without a text in the language is shown in
     * the first of the center's languages that has one: what is shown is then still a registered text, whose hash a
     * consent records (Art. 7(1)); only a notice with no text at all falls back to the register's words.
     */
    @WithSession
    public Uni<List<NoticeView>> notices(String language) {
        return purposes.findAllCurrent().chain(inForce -> notices.findByPurposes(inForce.stream().map(p -> p.key).toList())
                .map(written -> {
                    Map<PurposeNotice.Key, PurposeNotice> byId = written.stream()
                            .collect(Collectors.toMap(n -> n.id, Function.identity()));
                    return inForce.stream().map(p -> view(p, shown(p, byId, language), language)).toList();
                }));
    }

    private PurposeNotice shown(Purpose p, Map<PurposeNotice.Key, PurposeNotice> written, String language) {
        if (p.noticeVersion == null) {
            return null;
        }
        return Stream.concat(Stream.of(language), texts.languages().stream())
                .map(l -> written.get(new PurposeNotice.Key(p.key, p.noticeVersion, l)))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    @WithTransaction
    public Uni<NoticeTextView> setText(String key, String language, NoticeTextRequest request) {
        if (!texts.offers(language)) {
            throw ProblemException.invalidField("language", "must be one of the privacy center's languages "
                    + texts.languages());
        }
        return purposes.findCurrent(key).chain(current -> {
            if (current == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No such purpose."));
            }
            String version = request.noticeVersion() == null || request.noticeVersion().isBlank()
                    ? current.noticeVersion : request.noticeVersion().trim();
            if (version == null) {
                return Uni.createFrom().failure(ProblemException.unprocessable(
                        "Purpose '" + key + "' has no notice version; give it one first."));
            }
            return purposes.findLatestWithNotice(key, version).chain(shown -> {
                if (shown == null) {
                    return Uni.createFrom().failure(ProblemException.unprocessable(
                            "noticeVersion does not match any notice of purpose '" + key + "'."));
                }
                PurposeNotice.Key id = new PurposeNotice.Key(key, version, language);
                return notices.findById(id).chain(existing -> {
                    String title = NoticeHash.canonical(request.title());
                    String body = NoticeHash.canonical(request.body());
                    if (existing != null && existing.title.equals(title) && existing.body.equals(body)) {
                        return Uni.createFrom().item(textView(existing));
                    }
                    return (existing == null ? Uni.createFrom().item(0L) : events.countShowing(id))
                            .chain(recorded -> {
                                // A consent's proof is the text it recorded the hash of (Art. 7(1)): that text stays.
                                if (recorded > 0) {
                                    return Uni.createFrom().failure(ProblemException.conflict("Consents were given for "
                                            + "this text of notice version '" + version + "'; give the purpose a new "
                                            + "notice version for a new text."));
                                }
                                return store(existing, id, title, body, shown);
                            });
                });
            });
        });
    }

    private Uni<NoticeTextView> store(PurposeNotice existing, PurposeNotice.Key id, String title, String body, Purpose shown) {
        PurposeNotice notice = existing != null ? existing : new PurposeNotice();
        notice.id = id;
        notice.title = title;
        notice.body = body;
        notice.updatedAt = Timestamps.now();
        notice.updatedBy = Actors.of(identity);
        return notices.persistAndFlush(notice)
                .call(saved -> audit.noticeTextSet(id.purposeKey, shown.legalBasis, id.noticeVersion, id.language))
                .map(NoticeService::textView);
    }

    @WithSession
    public Uni<List<NoticeTextView>> texts(String key) {
        return purposes.findCurrent(key).chain(current -> {
            if (current == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No such purpose."));
            }
            return notices.findByPurpose(key).map(all -> all.stream().map(NoticeService::textView).toList());
        });
    }

    NoticeView view(Purpose p, PurposeNotice text, String language) {
        boolean fallback = text == null;
        String title = fallback ? p.title : text.title;
        String body = fallback ? (p.description == null ? "" : p.description) : text.body;
        String textLanguage = fallback ? null : text.id.language;
        PrivacyMessages words = texts.of(language);
        return new NoticeView(p.key, p.version, title, body, textLanguage, fallback, p.legalBasis.name(),
                PrivacyLabels.basis(words, p.legalBasis), p.legalBasis.dpvIri(), p.dataCategories,
                p.retention, PrivacyLabels.retention(words, p.retention), p.recipients, p.noticeUrl, p.noticeVersion,
                fallback ? null : NoticeHash.of(textLanguage, title, body), NoticeHash.of(fallback ? "" : textLanguage, title, body),
                p.gpcApplies, p.legalBasis == LegalBasis.CONSENT, p.directMarketing,
                Art21.applies(p.legalBasis, p.directMarketing));
    }

    private static NoticeTextView textView(PurposeNotice n) {
        return new NoticeTextView(n.id.purposeKey, n.id.noticeVersion, n.id.language, n.title, n.body,
                NoticeHash.of(n.id.language, n.title, n.body), n.updatedAt);
    }
}

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
import io.privacygate.consent.repository.PurposeNoticeRepository;
import io.privacygate.consent.repository.PurposeRepository;
import io.privacygate.consent.service.audit.ConsentAudit;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
    private final PrivacyTexts texts;
    private final ConsentAudit audit;
    private final SecurityIdentity identity;

    NoticeService(PurposeRepository purposes, PurposeNoticeRepository notices, PrivacyTexts texts, ConsentAudit audit,
                  SecurityIdentity identity) {
        this.purposes = purposes;
        this.notices = notices;
        this.texts = texts;
        this.audit = audit;
        this.identity = identity;
    }

    /** Every purpose in force, in the language, ordered by key. */
    @WithSession
    public Uni<List<NoticeView>> notices(String language) {
        return purposes.findAllCurrent().chain(inForce -> notices.findByLanguage(language).map(written -> {
            Map<String, PurposeNotice> byKey = written.stream()
                    .collect(Collectors.toMap(n -> n.id.purposeKey + "\n" + n.id.noticeVersion, Function.identity()));
            return inForce.stream().map(p -> view(p, byKey.get(p.key + "\n" + p.noticeVersion), language)).toList();
        }));
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
                    PurposeNotice notice = existing != null ? existing : new PurposeNotice();
                    notice.id = id;
                    notice.title = request.title().strip();
                    notice.body = request.body().strip();
                    notice.updatedAt = Timestamps.now();
                    notice.updatedBy = Actors.of(identity);
                    return notices.persistAndFlush(notice)
                            .call(saved -> audit.noticeTextSet(key, shown.legalBasis, version, language))
                            .map(NoticeService::textView);
                });
            });
        });
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
        String textLanguage = fallback ? null : language;
        PrivacyMessages words = texts.of(language);
        return new NoticeView(p.key, p.version, title, body, textLanguage, fallback, p.legalBasis.name(),
                PrivacyLabels.basis(words, p.legalBasis), p.legalBasis.dpvIri(), p.dataCategories,
                p.retention, PrivacyLabels.retention(words, p.retention), p.recipients, p.noticeUrl, p.noticeVersion,
                p.noticeHash, textHash(fallback ? "" : language, title, body), p.gpcApplies,
                p.legalBasis == LegalBasis.CONSENT);
    }

    private static NoticeTextView textView(PurposeNotice n) {
        return new NoticeTextView(n.id.purposeKey, n.id.noticeVersion, n.id.language, n.title, n.body,
                textHash(n.id.language, n.title, n.body), n.updatedAt);
    }

    /** SHA-256 over language, title and body, one per line: anyone holding the text can recompute it. */
    public static String textHash(String language, String title, String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((language + "\n" + title + "\n" + body).getBytes(StandardCharsets.UTF_8));
            return "sha-256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}

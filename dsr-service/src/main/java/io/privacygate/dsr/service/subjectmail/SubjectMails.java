package io.privacygate.dsr.service.subjectmail;

import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.RequestIdentifier;
import io.privacygate.dsr.repository.RequestIdentifierRepository;
import io.privacygate.dsr.service.DsrAudit;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Writes to the requester, at the e-mail address their request gives, through the same mailer as the verification
 * codes. The mail is sent inside the transaction of the change it announces: if it cannot be sent, the change is
 * not made and the caller is told to retry (503), so nothing the law says the subject must hear of first (Art. 12(3)
 * reasons, Art. 12(4) refusal, Art. 18(3) lift) happens unheard. Only the kind of letter is audited, never its text.
 */
@ApplicationScoped
public class SubjectMails {
    private final RequestIdentifierRepository identifiers;
    private final SubjectKeys keys;
    private final ReactiveMailer mailer;
    private final DsrAudit audit;

    SubjectMails(RequestIdentifierRepository identifiers, SubjectKeys keys, ReactiveMailer mailer, DsrAudit audit) {
        this.identifiers = identifiers;
        this.keys = keys;
        this.mailer = mailer;
        this.audit = audit;
    }

    /** Whether the request gives an e-mail address to write to. */
    public Uni<Boolean> reachable(DsrRequest request) {
        return identifiers.findByRequest(request.id)
                .map(ids -> ids.stream().anyMatch(i -> i.type == IdentifierType.EMAIL));
    }

    /** Returns whether a mail was sent: false when the request gives no e-mail address. */
    public Uni<Boolean> send(DsrRequest request, SubjectLetter letter, String actor) {
        return identifiers.findByRequest(request.id).chain(ids -> {
            var email = ids.stream().filter(i -> i.type == IdentifierType.EMAIL).findFirst();
            if (email.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            return keys.forReading(request.id).chain(cipher -> {
                String to = cipher.decrypt(RequestIdentifier.value(email.get().type), email.get().valueEncrypted);
                return mailer.send(Mail.withText(to, letter.subject(), letter.body()))
                        .onFailure().transform(e -> new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                                "The e-mail to the requester could not be sent; nothing was changed. Try again.", List.of(), null))
                        .chain(() -> audit.subjectMailed(request, letter.kind(), actor))
                        .replaceWith(true);
            });
        });
    }
}

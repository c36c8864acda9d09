package io.privacygate.dsr.service.verification;

import io.privacygate.commons.crypto.OneTimeCodes;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.api.VerificationRequest;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.RequestIdentifier;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.VerificationCode;
import io.privacygate.dsr.model.VerificationMethod;
import io.privacygate.dsr.repository.RequestIdentifierRepository;
import io.privacygate.dsr.repository.VerificationCodeRepository;
import io.privacygate.dsr.service.DsrAudit;
import io.privacygate.dsr.service.RequestLocks;
import io.privacygate.dsr.service.RequestViews;
import io.privacygate.dsr.service.Transitions;
import io.privacygate.dsr.service.fanout.Planner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Art. 12(6): the requester's identity is established before anything is disclosed or changed. Records how
 * and by whom; for EMAIL_CODE, sends a one-time code to an address given in the request and checks it,
 * with an expiry, an attempt limit per code and a limit of wrong entries per address and day. A verified request is planned and fanned out.
 */
@ApplicationScoped
public class VerificationService {
    private static final Set<RequestStatus> UNVERIFIED = Set.of(RequestStatus.RECEIVED);
    private static final String ONLY_RECEIVED = "only a RECEIVED request can be verified";

    private final RequestLocks locks;
    private final RequestIdentifierRepository identifiers;
    private final VerificationCodeRepository codes;
    private final CodeGuessLimit guesses;
    private final CodeKey codeKey;
    private final SubjectKeys keys;
    private final Planner planner;
    private final Transitions transitions;
    private final DsrAudit audit;
    private final RequestViews views;
    private final ReactiveMailer mailer;
    private final DsrConfig config;

    VerificationService(RequestLocks locks, RequestIdentifierRepository identifiers, VerificationCodeRepository codes,
                        CodeGuessLimit guesses, CodeKey codeKey, SubjectKeys keys, Planner planner,
                        Transitions transitions, DsrAudit audit, RequestViews views, ReactiveMailer mailer,
                        DsrConfig config) {
        this.locks = locks;
        this.identifiers = identifiers;
        this.codes = codes;
        this.guesses = guesses;
        this.codeKey = codeKey;
        this.keys = keys;
        this.planner = planner;
        this.transitions = transitions;
        this.audit = audit;
        this.views = views;
        this.mailer = mailer;
        this.config = config;
    }

    /** {@code codeSent} when the call sent an e-mail code rather than verifying. */
    public record Result(RequestView view, boolean codeSent) {
    }

    /**
     * With an {@code idempotencyKey}, a repeat of the call that verified the request answers the request as
     * it is, so that a caller retrying after a lost answer is not told it conflicts with itself. A service
     * ({@code operator} false) verifies only the requests it filed itself, and an EMAIL_CODE from a service is
     * a code that service sent and checked itself (the privacy center): it states what it checked as
     * {@code evidence} and sends no code here.
     */
    public Uni<Result> verify(UUID id, VerificationRequest body, String idempotencyKey, String actor, boolean operator) {
        boolean disclose = operator;
        boolean emailCode = body.method() == VerificationMethod.EMAIL_CODE && operator;
        if (!operator && body.code() != null) {
            throw ProblemException.invalidField("code", "is for operators' e-mail codes; a filing service states "
                    + "what it checked as evidence");
        }
        if (!emailCode && body.code() != null) {
            throw ProblemException.invalidField("code", "belongs to EMAIL_CODE only");
        }
        if (!emailCode && (body.evidence() == null || body.evidence().isBlank())) {
            throw ProblemException.invalidField("evidence", "is required for " + body.method() + ": say what was checked");
        }
        return Panache.withTransaction(() -> locks.lock(id).chain(request -> {
            if (!operator && !actor.equals(request.filedBy)) {
                return Uni.createFrom().failure(ProblemException.notFound("No such request."));
            }
            if (idempotencyKey != null && idempotencyKey.equals(request.verificationIdempotencyKey)) {
                return views.view(request, disclose).map(view -> new Attempt(new Result(view, false), null));
            }
            if (!UNVERIFIED.contains(request.status)) {
                return Uni.createFrom().failure(ProblemException.conflict("The request is " + request.status + "; "
                        + ONLY_RECEIVED + "."));
            }
            if (!emailCode) {
                return verified(request, body.method(), body.evidence().strip(), idempotencyKey, actor, disclose)
                        .map(view -> new Attempt(new Result(view, false), null));
            }
            if (body.code() == null || body.code().isBlank()) {
                return sendCode(request, actor, disclose).map(view -> new Attempt(new Result(view, true), null));
            }
            return checkCode(request, body.code(), idempotencyKey, actor, disclose);
        })).map(attempt -> {
            if (attempt.refusal() != null) {
                throw ProblemException.unprocessable(attempt.refusal());
            }
            return attempt.result();
        });
    }

    private Uni<RequestView> verified(DsrRequest request, VerificationMethod method, String evidence, String idempotencyKey,
                                      String actor, boolean disclose) {
        return keys.forWriting(request.id).chain(cipher -> {
            request.verificationIdempotencyKey = idempotencyKey;
            request.verificationMethod = method;
            request.verificationEvidenceEncrypted = cipher.encrypt(DsrRequest.VERIFICATION_EVIDENCE, evidence);
            request.verifiedAt = Instant.now();
            request.verifiedBy = actor;
            return codes.deleteById(request.id)
                    .chain(() -> transitions.move(request, RequestStatus.VERIFIED, actor))
                    .chain(() -> planner.planIfReady(request))
                    .chain(() -> views.view(request, disclose));
        });
    }

    /**
     * A new code replaces any earlier one. The mail is sent inside the transaction: if it cannot be sent,
     * no code is stored and the caller is told to retry.
     */
    private Uni<RequestView> sendCode(DsrRequest request, String actor, boolean disclose) {
        return identifiers.findByRequest(request.id).chain(ids -> {
            var email = ids.stream().filter(i -> i.type == IdentifierType.EMAIL).findFirst();
            if (email.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.unprocessable(
                        "The request has no e-mail address to send a code to; use another method."));
            }
            return keys.forReading(request.id).chain(cipher -> codeKey.get().chain(key -> {
                String code = OneTimeCodes.newCode(config.verification().codeLength());
                String to = cipher.decrypt(RequestIdentifier.value(email.get().type), email.get().valueEncrypted);
                return codes.deleteById(request.id)
                        .chain(codes::flush)
                        .chain(() -> codes.persist(newCode(request.id, key, code)))
                        .chain(() -> audit.codeSent(request, actor))
                        .chain(codes::flush)
                        .chain(() -> mailer.send(Mail.withText(to, config.verification().mailSubject(), mailBody(code)))
                                .onFailure().transform(e -> new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                                        "The verification e-mail could not be sent; try again.", List.of(), null)))
                        .chain(() -> views.view(request, disclose));
            }));
        });
    }

    private VerificationCode newCode(UUID requestId, byte[] key, String code) {
        Instant now = Instant.now();
        VerificationCode row = new VerificationCode();
        row.requestId = requestId;
        row.salt = OneTimeCodes.newSalt();
        row.codeHash = OneTimeCodes.hash(key, row.salt, code);
        row.expiresAt = now.plus(config.verification().codeTtl());
        row.sentAt = now;
        return row;
    }

    private String mailBody(String code) {
        long minutes = config.verification().codeTtl().toMinutes();
        return "We received a data protection request that gives this e-mail address.\n\n"
                + "To confirm that it is yours, give this code to the person handling your request: " + code + "\n\n"
                + "The code is valid for " + minutes + " minutes. If you made no such request, ignore this message.\n";
    }

    /**
     * A refused code is still recorded (attempts count), so the refusal is returned, not thrown, to commit. While
     * the address is locked for the day ({@link CodeGuessLimit}) every code, the right one too, takes the path of a
     * wrong one: same answer, same attempt counted; only the audit trail says why.
     */
    private Uni<Attempt> checkCode(DsrRequest request, String code, String idempotencyKey, String actor, boolean disclose) {
        Instant now = Instant.now();
        return codes.findById(request.id).chain(stored -> {
            if (stored == null) {
                return refuse(request, "no-code", "No verification code is pending for this request; send one first.", actor);
            }
            if (now.isAfter(stored.expiresAt)) {
                return codes.delete(stored).chain(() -> refuse(request, "expired",
                        "The verification code has expired; send a new one.", actor));
            }
            return guesses.address(request.id).chain(address -> guesses.locked(address, now)
                    .chain(locked -> codeKey.get().chain(key -> {
                if (!locked && OneTimeCodes.matches(key, stored.salt, code, stored.codeHash)) {
                    return verified(request, VerificationMethod.EMAIL_CODE, "one-time code e-mailed to an address in the request",
                            idempotencyKey, actor, disclose).map(view -> new Attempt(new Result(view, false), null));
                }
                stored.attempts++;
                int left = config.verification().maxAttempts() - stored.attempts;
                Uni<Void> counted = guesses.countFailure(address, now);
                if (left <= 0) {
                    return counted.chain(() -> codes.delete(stored)).chain(() -> refuse(request,
                            locked ? "address-locked" : "attempts-exhausted",
                            "The verification code is wrong, and no attempts are left; send a new one.", actor));
                }
                return counted.chain(() -> refuse(request, locked ? "address-locked" : "wrong",
                        "The verification code is wrong; " + left + " attempt" + (left == 1 ? "" : "s") + " left.", actor));
            })));
        });
    }

    private Uni<Attempt> refuse(DsrRequest request, String reason, String detail, String actor) {
        return audit.codeRefused(request, reason, actor).replaceWith(new Attempt(null, detail));
    }

    /** How a call ended: a result, or a refusal to report after the transaction committed. */
    private record Attempt(Result result, String refusal) {
    }
}

package io.privacygate.dsr.service.verification;

import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.repository.CodeFailureRepository;
import io.privacygate.dsr.repository.RequestIdentifierRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One-time codes resist guessing (issue #18): a code allows few attempts, but a new code could be asked for again
 * and again. So wrong entries are also counted per e-mail address and UTC day, across every code and request; past
 * {@code verification.max-failures-per-day} the address is locked until the day ends. A locked address is not
 * announced: its codes are refused exactly as a wrong code is, so a guess tells nothing, right or wrong.
 */
@ApplicationScoped
public class CodeGuessLimit {
    private final RequestIdentifierRepository identifiers;
    private final CodeFailureRepository failures;
    private final DsrConfig config;

    CodeGuessLimit(RequestIdentifierRepository identifiers, CodeFailureRepository failures, DsrConfig config) {
        this.identifiers = identifiers;
        this.failures = failures;
        this.config = config;
    }

    /** The address a request's codes are sent to (its first e-mail address), by blind index. */
    public Uni<String> address(UUID requestId) {
        return identifiers.findByRequest(requestId).map(ids -> ids.stream()
                .filter(i -> i.type == IdentifierType.EMAIL)
                .map(i -> i.blindIndex)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("A code is pending for a request without an e-mail address")));
    }

    public Uni<Boolean> locked(String address, Instant now) {
        return failures.failures(address, day(now)).map(count -> count >= config.verification().maxFailuresPerDay());
    }

    public Uni<Void> countFailure(String address, Instant now) {
        return failures.add(address, day(now)).replaceWithVoid();
    }

    /** A day's count serves that day only (data minimisation, Art. 5(1)(c)). */
    @WithTransaction
    public Uni<Integer> forgetPastDays(Instant now) {
        return failures.deleteBefore(day(now));
    }

    static LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}

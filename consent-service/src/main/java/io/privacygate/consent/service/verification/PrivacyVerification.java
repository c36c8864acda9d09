package io.privacygate.consent.service.verification;

import io.privacygate.commons.crypto.BlindIndex;
import io.privacygate.commons.crypto.OneTimeCodes;
import io.privacygate.commons.crypto.PseudonymKeys;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierNormalizer;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.security.IpPseudonyms;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.model.PrivacyCode;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.CodeFailureRepository;
import io.privacygate.consent.repository.PrivacyCodeRepository;
import io.privacygate.consent.repository.RateLimitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Proof of control of an e-mail address with a one-time code (Art. 12(6)). A code is mailed to whatever
 * address is given: whether we know the address changes nothing in the answer, the timing or the limits, so
 * the privacy center cannot be used to learn who is known here. Codes asked for are limited per address (by
 * its blind index) and per client IP (by its keyed pseudonym), in the database, across replicas.
 * <p>
 * Guessing is bounded per address, not per code (docs/decisions/0011): an address has one live code at a time (a
 * new one voids the earlier ones), and wrong codes are counted per address and UTC day; past {@code codes.max-failures-per-day}
 * the address is locked until midnight UTC, and every code entered for it, the right one included, answers as a
 * wrong one. With the defaults that is 10 guesses a day at a one-in-a-million code.
 */
@ApplicationScoped
public class PrivacyVerification {
    private static final Logger LOG = Logger.getLogger(PrivacyVerification.class);
    /** The same key as consent evidence: one pseudonym per IP address in this service. */
    static final String IP_PSEUDONYM_KEY = "consent-ip-pseudonym";
    private static final String CODE_KEY = "privacy-center-code";
    private static final String UNKNOWN_IP = "ip:unknown";

    private final BlindIndex blindIndex;
    private final PseudonymKeys pseudonymKeys;
    private final PrivacyCodeRepository codes;
    private final CodeFailureRepository failures;
    private final RateLimitRepository limits;
    private final PrivacyMail mail;
    private final ConsentConfig.PrivacyCenter config;

    PrivacyVerification(BlindIndex blindIndex, PseudonymKeys pseudonymKeys, PrivacyCodeRepository codes,
                        CodeFailureRepository failures, RateLimitRepository limits, PrivacyMail mail, ConsentConfig config) {
        this.blindIndex = blindIndex;
        this.pseudonymKeys = pseudonymKeys;
        this.codes = codes;
        this.failures = failures;
        this.limits = limits;
        this.mail = mail;
        this.config = config.privacyCenter();
    }

    /** Whether a code was sent, or why not. */
    public enum Answer {
        SENT,
        /** Too many codes asked for in the window, from the client's IP or for the address. */
        LIMITED,
        /** Too many wrong codes entered for the address today (UTC). */
        LOCKED
    }

    /** A code sent ({@code challengeId}), or refused. */
    public record Sent(UUID challengeId, String email, Answer answer) {
        @Override
        public String toString() {
            return "Sent[challengeId=" + challengeId + ", answer=" + answer + "]";
        }
    }

    /** How an entered code was taken. */
    public enum Outcome { VERIFIED, WRONG, EXPIRED, EXHAUSTED, NO_CODE }

    public record Check(Outcome outcome, int attemptsLeft) {
    }

    /** The address in its normalised form, or a {@code ProblemException} naming the field when it is not one. */
    public static String normalizedEmail(String email) {
        return IdentifierNormalizer.normalize(IdentifierType.EMAIL, email == null ? "" : email, "email");
    }

    public Uni<String> addressIndex(String email) {
        return blindIndex.of(new Identifier(IdentifierType.EMAIL, email), "email");
    }

    /**
     * Counts the request against both limits (both are counted, whichever is reached), then, unless the address is
     * locked for the day, voids the address's earlier codes, stores the new one and mails it in one transaction: if
     * the mail cannot be sent, no code is kept and the caller is told to retry.
     */
    public Uni<Sent> send(String email, String clientIp, String language) {
        String normalized = normalizedEmail(email);
        Instant now = Timestamps.now();
        Instant window = RateLimits.windowStart(now, config.limits().window());
        return addressIndex(normalized).chain(address -> ipBucket(clientIp).chain(ip -> Panache.withTransaction(() ->
                limits.hit(ip, window).chain(ipHits -> limits.hit("address:" + address, window).chain(addressHits -> {
                    if (ipHits > config.limits().perIp() || addressHits > config.limits().perAddress()) {
                        LOG.debugf("Privacy center code refused: limit reached (ip hits %d, address hits %d)", ipHits, addressHits);
                        return Uni.createFrom().item(new Sent(null, normalized, Answer.LIMITED));
                    }
                    return failures.failures(address, RateLimits.utcDay(now)).chain(failed -> {
                        if (failed >= config.codes().maxFailuresPerDay()) {
                            LOG.debug("Privacy center code refused: the address is locked for the day");
                            return Uni.createFrom().item(new Sent(null, normalized, Answer.LOCKED));
                        }
                        return issue(address, normalized, now, language);
                    });
                })))));
    }

    /** One live code per address: the earlier ones are voided, so that their attempts cannot add up. */
    private Uni<Sent> issue(String address, String normalized, Instant now, String language) {
        return codes.delete("addressIndex", address).chain(() -> pseudonymKeys.key(CODE_KEY)).chain(key -> {
            String code = OneTimeCodes.newCode(config.codes().length());
            PrivacyCode row = new PrivacyCode();
            row.id = UUID.randomUUID();
            row.addressIndex = address;
            row.salt = OneTimeCodes.newSalt();
            row.codeHash = OneTimeCodes.hash(key, row.salt, code);
            row.createdAt = now;
            row.expiresAt = now.plus(config.codes().ttl());
            return codes.persistAndFlush(row)
                    .chain(() -> mail.sendCode(normalized, code, config.codes().ttl(), language))
                    .invoke(() -> LOG.debugf("Privacy center code %s sent", row.id))
                    .map(sent -> new Sent(row.id, normalized, Answer.SENT));
        });
    }

    /**
     * A wrong code counts as an attempt on the code and as a failure of the address for the day; the last allowed
     * wrong attempt, or an expired code, voids it. Once the address's failures of the day reach the cap, the right
     * code is taken as a wrong one, with the same answer, so that the lock gives a guesser nothing to tell by.
     */
    @WithTransaction
    public Uni<Check> check(UUID challengeId, String email, String code) {
        return checked(challengeId, email, code)
                .invoke(check -> LOG.debugf("Privacy center code %s: %s", challengeId, check.outcome()));
    }

    private Uni<Check> checked(UUID challengeId, String email, String code) {
        return addressIndex(email).chain(address -> codes.findForUpdate(challengeId).chain(stored -> {
            if (stored == null || !stored.addressIndex.equals(address)) {
                return Uni.createFrom().item(new Check(Outcome.NO_CODE, 0));
            }
            if (!Timestamps.now().isBefore(stored.expiresAt)) {
                return codes.delete(stored).replaceWith(new Check(Outcome.EXPIRED, 0));
            }
            LocalDate today = RateLimits.utcDay(Timestamps.now());
            return failures.lock(address, today).chain(failedToday -> pseudonymKeys.key(CODE_KEY).chain(key -> {
                boolean right = OneTimeCodes.matches(key, stored.salt, code, stored.codeHash);
                if (right && failedToday < config.codes().maxFailuresPerDay()) {
                    return codes.delete(stored).replaceWith(new Check(Outcome.VERIFIED, 0));
                }
                stored.attempts++;
                int left = config.codes().maxAttempts() - stored.attempts;
                Uni<Integer> counted = failures.fail(address, today);
                if (left <= 0) {
                    return counted.chain(() -> codes.delete(stored)).replaceWith(new Check(Outcome.EXHAUSTED, 0));
                }
                return counted.chain(codes::flush).replaceWith(new Check(Outcome.WRONG, left));
            }));
        }));
    }

    /** Old codes, counting windows and past days' failures, dropped on a schedule. */
    @WithTransaction
    public Uni<Void> purge() {
        Instant now = Timestamps.now();
        Instant oldestWindow = RateLimits.windowStart(now, config.limits().window()).minus(config.limits().window());
        return codes.deleteExpired(now).chain(() -> limits.deleteBefore(oldestWindow))
                .chain(() -> failures.deleteBefore(RateLimits.utcDay(now))).replaceWithVoid();
    }

    private Uni<String> ipBucket(String clientIp) {
        return pseudonymKeys.key(IP_PSEUDONYM_KEY)
                .map(key -> IpPseudonyms.pseudonymise(key, clientIp).map(p -> "ip:" + p).orElse(UNKNOWN_IP));
    }
}

package io.privacygate.consent.service;

import io.privacygate.commons.crypto.BlindIndex;
import io.privacygate.commons.crypto.PseudonymKeys;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.commons.identity.IdentifierNormalizer;
import io.privacygate.commons.identity.IdentifierType;
import io.privacygate.commons.security.IpPseudonyms;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.model.PrivacyCode;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.PrivacyCodeRepository;
import io.privacygate.consent.repository.RateLimitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Proof of control of an e-mail address with a one-time code (Art. 12(6)). A code is mailed to whatever
 * address is given: whether we know the address changes nothing in the answer, the timing or the limits, so
 * the privacy center cannot be used to learn who is known here. Codes asked for are limited per address (by
 * its blind index) and per client IP (by its keyed pseudonym), in the database, across replicas.
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
    private final RateLimitRepository limits;
    private final PrivacyMail mail;
    private final ConsentConfig.PrivacyCenter config;

    PrivacyVerification(BlindIndex blindIndex, PseudonymKeys pseudonymKeys, PrivacyCodeRepository codes,
                        RateLimitRepository limits, PrivacyMail mail, ConsentConfig config) {
        this.blindIndex = blindIndex;
        this.pseudonymKeys = pseudonymKeys;
        this.codes = codes;
        this.limits = limits;
        this.mail = mail;
        this.config = config.privacyCenter();
    }

    /** A code sent ({@code challengeId}), or refused because a limit was reached. */
    public record Sent(UUID challengeId, String email, boolean limited) {
        @Override
        public String toString() {
            return "Sent[challengeId=" + challengeId + ", limited=" + limited + "]";
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
     * Counts the request against both limits (both are counted, whichever is reached), then stores the code and
     * mails it in one transaction: if the mail cannot be sent, no code is kept and the caller is told to retry.
     */
    public Uni<Sent> send(String email, String clientIp, String language) {
        String normalized = normalizedEmail(email);
        Instant now = Timestamps.now();
        Instant window = RateLimits.windowStart(now, config.limits().window());
        return addressIndex(normalized).chain(address -> ipBucket(clientIp).chain(ip -> Panache.withTransaction(() ->
                limits.hit(ip, window).chain(ipHits -> limits.hit("address:" + address, window).chain(addressHits -> {
                    if (ipHits > config.limits().perIp() || addressHits > config.limits().perAddress()) {
                        LOG.debugf("Privacy center code refused: limit reached (ip hits %d, address hits %d)", ipHits, addressHits);
                        return Uni.createFrom().item(new Sent(null, normalized, true));
                    }
                    return pseudonymKeys.key(CODE_KEY).chain(key -> {
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
                                .map(sent -> new Sent(row.id, normalized, false));
                    });
                })))));
    }

    /** A wrong code counts as an attempt; the last allowed wrong attempt, or an expired code, voids it. */
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
            return pseudonymKeys.key(CODE_KEY).chain(key -> {
                if (OneTimeCodes.matches(key, stored.salt, code, stored.codeHash)) {
                    return codes.delete(stored).replaceWith(new Check(Outcome.VERIFIED, 0));
                }
                stored.attempts++;
                int left = config.codes().maxAttempts() - stored.attempts;
                if (left <= 0) {
                    return codes.delete(stored).replaceWith(new Check(Outcome.EXHAUSTED, 0));
                }
                return codes.flush().replaceWith(new Check(Outcome.WRONG, left));
            });
        }));
    }

    /** Old codes and counting windows, dropped on a schedule. */
    @WithTransaction
    public Uni<Void> purge() {
        Instant now = Timestamps.now();
        Instant oldestWindow = RateLimits.windowStart(now, config.limits().window()).minus(config.limits().window());
        return codes.deleteExpired(now).chain(() -> limits.deleteBefore(oldestWindow)).replaceWithVoid();
    }

    private Uni<String> ipBucket(String clientIp) {
        return pseudonymKeys.key(IP_PSEUDONYM_KEY)
                .map(key -> IpPseudonyms.pseudonymise(key, clientIp).map(p -> "ip:" + p).orElse(UNKNOWN_IP));
    }
}

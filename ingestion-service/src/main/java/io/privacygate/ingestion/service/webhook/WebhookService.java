package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.ingestion.config.PlatformsConfig;
import io.privacygate.ingestion.repository.InboxRepository;
import io.privacygate.ingestion.repository.RevokedAccountRepository;
import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.model.SocialEvent;
import io.privacygate.ingestion.service.IngestionAudit;
import io.privacygate.ingestion.service.IngestionMetrics;
import io.privacygate.ingestion.service.crm.Suppression;
import io.privacygate.ingestion.service.inbox.InboxKeys;
import io.privacygate.ingestion.service.inbox.InboxPayloads;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Acknowledges platform deliveries: verify the signature over the raw bytes, then (only then) parse the body into
 * its events, once: a body this service does not understand is refused; a delivery only about people erased here
 * is dropped ({@link Suppression}), and so is one for an account whose authorisation was revoked; otherwise its events
 * are sealed into the inbox. The platform gets its 200 once
 * the row is committed; the inbox worker processes the events later without parsing the body again.
 */
@ApplicationScoped
public class WebhookService {
    private final PlatformsConfig platforms;
    private final Payloads payloads;
    private final InboxKeys keys;
    private final InboxPayloads stored;
    private final InboxRepository inbox;
    private final IngestionMetrics metrics;
    private final Suppression suppression;
    private final IngestionAudit audit;
    private final RevokedAccountRepository revokedAccounts;

    WebhookService(PlatformsConfig platforms, Payloads payloads, InboxKeys keys, InboxPayloads stored, InboxRepository inbox,
                   IngestionMetrics metrics, Suppression suppression, IngestionAudit audit,
                   RevokedAccountRepository revokedAccounts) {
        this.revokedAccounts = revokedAccounts;
        this.platforms = platforms;
        this.payloads = payloads;
        this.keys = keys;
        this.stored = stored;
        this.inbox = inbox;
        this.metrics = metrics;
        this.suppression = suppression;
        this.audit = audit;
    }

    /**
     * @return whether the delivery is new (a replay of one still waiting is acknowledged and not stored again)
     * @throws InvalidSignatureException before anything is read or stored
     */
    public Uni<Boolean> receive(Platform platform, byte[] body, String signature) throws JsonProcessingException {
        if (!verified(platform, body, signature)) {
            throw new InvalidSignatureException(platform, platform.wireName() + " signature");
        }
        Instant receivedAt = Instant.now();
        Payloads.Delivery delivery = payloads.delivery(platform, body, receivedAt);
        List<SocialEvent> events = delivery.events();
        return keys.cipher().chain(cipher -> {
            if (delivery.revokedAccount().isPresent()) {
                return revoked(platform, cipher.digest(accountLookup(platform, delivery.revokedAccount().get())), receivedAt);
            }
            Uni<Boolean> revoked = delivery.account().isEmpty() ? Uni.createFrom().item(false)
                    : revokedAccounts.isRevoked(platform, cipher.digest(accountLookup(platform, delivery.account().get())));
            return revoked.chain(stopped -> stopped
                    ? Panache.withTransaction(() -> audit.deliveryForRevokedAccount(platform.wireName(), events.size())).replaceWith(false)
                    : aboutErasedPeopleOnly(events).chain(suppressed -> suppressed
                            ? Panache.withTransaction(() -> audit.deliverySuppressed(platform.wireName(), events.size())).replaceWith(false)
                            : store(platform, body, events, receivedAt)));
        });
    }

    /**
     * The user took the app's authorisation back and the platform deleted the subscription (X's {@code user_event}
     * revoke): intake for that account stops. Recorded as a keyed digest of the account id, with an audit event
     * naming only the platform; nothing enters the inbox.
     */
    private Uni<Boolean> revoked(Platform platform, String accountKey, Instant at) {
        return Panache.withTransaction(() -> revokedAccounts.record(platform, accountKey, at)
                .call(fresh -> audit.accountRevoked(platform.wireName(), fresh)))
                .replaceWith(false);
    }

    /** Domain-separated from the other digests taken under the inbox key. */
    private static String accountLookup(Platform platform, String accountId) {
        return "account:" + platform.wireName() + ":" + accountId;
    }

    /** Acknowledged and dropped when every event is suppressed; a mixed delivery is sorted out in processing. */
    private Uni<Boolean> aboutErasedPeopleOnly(List<SocialEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        Map<Integer, SocialEvent> byIndex = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            byIndex.put(i, events.get(i));
        }
        return suppression.platformIds(byIndex).chain(ids -> suppression.erasures(ids.values())
                .map(erasures -> erasures.isEmpty() ? false : ids.entrySet().stream()
                        .allMatch(e -> Suppression.suppressed(byIndex.get(e.getKey()), e.getValue(), erasures))));
    }

    /** A body already waiting is recognised by its digest, over the bytes as the platform sent them. */
    private Uni<Boolean> store(Platform platform, byte[] body, List<SocialEvent> events, Instant receivedAt) {
        return keys.cipher().chain(cipher -> {
            UUID id = UUID.randomUUID();
            return inbox.insert(id, platform, cipher.digest(body), cipher.seal(id, stored.write(events)), receivedAt)
                    .invoke(fresh -> metrics.acknowledged(platform, fresh));
        });
    }

    /** Meta's subscription check: the challenge is echoed only for the configured verify token, else 403. */
    public String metaChallenge(String mode, String verifyToken, String challenge) {
        boolean tokenMatches = verifyToken != null && MessageDigest.isEqual(
                platforms.meta().verifyToken().getBytes(StandardCharsets.UTF_8), verifyToken.getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !tokenMatches || challenge == null) {
            throw new ForbiddenException();
        }
        return challenge;
    }

    /** Only a UUID is answered: the answer is an HMAC under the secret that signs deliveries (see {@link Challenges}). */
    public String linkedInChallengeResponse(String challengeCode) {
        if (!Challenges.isLinkedInChallengeCode(challengeCode)) {
            throw ProblemException.invalidField("challengeCode", "must be a UUID");
        }
        return LinkedInSignature.challengeResponse(platforms.linkedin().clientSecret(), challengeCode);
    }

    /** Only a short token of X's charset that is no JSON value is answered (see {@link Challenges}). */
    public String xCrcResponse(String crcToken) {
        if (!Challenges.isXCrcToken(crcToken)) {
            throw ProblemException.invalidField("crc_token", "must be 1 to 128 characters of A-Z, a-z, 0-9, '_', '-', '=' and no JSON value");
        }
        return XSignature.crcResponse(platforms.x().consumerSecret(), crcToken);
    }

    private boolean verified(Platform platform, byte[] body, String signature) {
        return switch (platform) {
            case META -> MetaSignature.verify(platforms.meta().appSecret(), body, signature);
            case LINKEDIN -> LinkedInSignature.verify(platforms.linkedin().clientSecret(), body, signature);
            case X -> XSignature.verify(platforms.x().consumerSecret(), body, signature);
        };
    }
}

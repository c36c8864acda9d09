package io.privacygate.ingestion.service.deletion;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.retry.Backoff;
import io.privacygate.ingestion.api.DataDeletionStatus;
import io.privacygate.ingestion.client.DsrApi;
import io.privacygate.ingestion.client.DsrClient;
import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.config.PlatformsConfig;
import io.privacygate.ingestion.model.DeletionRequest;
import io.privacygate.ingestion.repository.DeletionRequestRepository;
import io.privacygate.ingestion.service.IngestionAudit;
import io.privacygate.ingestion.service.inbox.InboxCipher;
import io.privacygate.ingestion.service.inbox.InboxKeys;
import io.privacygate.ingestion.service.webhook.InvalidSignatureException;
import io.privacygate.ingestion.service.webhook.MetaSignedRequest;
import io.privacygate.ingestion.model.Platform;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.Locale;

/**
 * Meta's data deletion callback. The signed request is verified and recorded in one transaction, and Meta
 * gets a confirmation code and a status URL at once. The erasure request reaches dsr-service afterwards,
 * from {@link #forwardDue()}: opened, then verified as PLATFORM_SIGNED, with retries and backoff, so a
 * callback survives dsr-service being down. (commons' outbox sends fire-and-forget messages; this needs
 * the id of the request opened to verify it, so it keeps its own small outbox.)
 */
@ApplicationScoped
public class DeletionCallbackService {
    private static final Logger LOG = Logger.getLogger(DeletionCallbackService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int FORWARD_BATCH = 50;

    private final PlatformsConfig platforms;
    private final IngestionConfig config;
    private final DeletionRequestRepository requests;
    private final InboxKeys keys;
    private final DsrClient dsr;
    private final IngestionAudit audit;

    DeletionCallbackService(PlatformsConfig platforms, IngestionConfig config, DeletionRequestRepository requests,
                            InboxKeys keys, DsrClient dsr, IngestionAudit audit) {
        this.platforms = platforms;
        this.config = config;
        this.requests = requests;
        this.keys = keys;
        this.dsr = dsr;
        this.audit = audit;
    }

    /** What Meta is answered: where the person can follow their request, and its code. */
    public record Confirmation(String url, String confirmationCode) {
    }

    /** @throws InvalidSignatureException when the signed request does not verify; nothing is stored then */
    @WithTransaction
    public Uni<Confirmation> receive(String signedRequest) {
        MetaSignedRequest.DeletionRequest verified = MetaSignedRequest.verify(platforms.meta().appSecret(), signedRequest)
                .filter(request -> request.freshAt(Instant.now(), platforms.meta().signedRequestMaxAge(), config.maxClockSkew()))
                .orElseThrow(() -> new InvalidSignatureException(Platform.META, "signed_request"));
        return keys.cipher().chain(cipher -> {
            // the same request re-encoded (padding, key order) is the same request: recognised by what it says
            String digest = cipher.digest(verified.content());
            return requests.findByDigest(digest).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().item(confirmation(existing.confirmationCode));
                }
                DeletionRequest request = new DeletionRequest();
                request.confirmationCode = newCode();
                request.digest = digest;
                request.userIdEncrypted = cipher.seal(rowId(request.confirmationCode),
                        verified.userId().getBytes(StandardCharsets.UTF_8));
                request.status = DeletionRequest.Status.RECEIVED.name();
                request.receivedAt = Instant.now();
                request.updatedAt = request.receivedAt;
                request.nextAttemptAt = request.receivedAt;
                return requests.persist(request)
                        .chain(() -> audit.deletionCallbackReceived(request.confirmationCode))
                        .replaceWith(confirmation(request.confirmationCode));
            });
        });
    }

    /**
     * A platform's own signal that an account's data must go (contract C2), here X's user compliance result: recorded
     * like a callback and handed to dsr-service the same way, with the platform's channel. Idempotent: the same account
     * reported again (the next reconciliation run, while the erasure is under way) opens no second request.
     *
     * @return true when this opened a new request
     */
    @WithTransaction
    public Uni<Boolean> receivePlatformSignal(InboxCipher cipher, String channel, String platformUserId, String reason) {
        String digest = cipher.digest("platform-erasure:" + channel + ":" + platformUserId);
        return requests.findByDigest(digest).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            DeletionRequest request = new DeletionRequest();
            request.confirmationCode = newCode();
            request.digest = digest;
            request.channel = channel;
            request.userIdEncrypted = cipher.seal(rowId(request.confirmationCode), platformUserId.getBytes(StandardCharsets.UTF_8));
            request.status = DeletionRequest.Status.RECEIVED.name();
            request.receivedAt = Instant.now();
            request.updatedAt = request.receivedAt;
            request.nextAttemptAt = request.receivedAt;
            return requests.persist(request)
                    .chain(() -> audit.platformErasureReceived(channel, reason, request.confirmationCode))
                    .replaceWith(true);
        });
    }

    @WithSession
    public Uni<DataDeletionStatus> status(String code) {
        return requests.findById(code).map(request -> {
            if (request == null) {
                throw ProblemException.notFound("No deletion request has this confirmation code.");
            }
            return new DataDeletionStatus(request.confirmationCode, publicStatus(request), request.receivedAt, request.updatedAt,
                    RefusalReasons.of(request.dsrStatus, request.dsrOutcome));
        });
    }

    /** One round of hand-overs to dsr-service; each request moves on, or waits with backoff, by itself. */
    public Uni<Integer> forwardDue() {
        return keys.cipher().chain(cipher -> dueRequests().chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(request -> forward(cipher, request)
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("A deletion request could not be handed to dsr-service (%s); it will be retried",
                                    failure.getClass().getSimpleName());
                            return backOff(request.confirmationCode).replaceWith(false);
                        }))
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count())));
    }

    private Uni<List<DeletionRequest>> dueRequests() {
        return Panache.withTransaction(() -> requests.due(Instant.now(), FORWARD_BATCH));
    }

    private Uni<Boolean> forward(InboxCipher cipher, DeletionRequest request) {
        String code = request.confirmationCode;
        return switch (DeletionRequest.Status.valueOf(request.status)) {
            case RECEIVED -> dsr.openErasure(code, request.channel, new String(cipher.open(rowId(code), request.userIdEncrypted),
                            StandardCharsets.UTF_8), request.receivedAt)
                    .chain(opened -> update(code, DeletionRequest.Status.OPENED, opened.id(), opened, Duration.ZERO))
                    .chain(() -> Panache.withSession(() -> requests.findById(code)))
                    .chain(reloaded -> forward(cipher, reloaded));
            case OPENED -> dsr.verifyByPlatform(code, request.channel, request.dsrRequestId)
                    .chain(verified -> update(code, DeletionRequest.Status.VERIFIED, request.dsrRequestId, verified,
                            config.deletionCallbacks().statusRefresh()))
                    .replaceWith(true);
            case VERIFIED -> dsr.status(request.dsrRequestId)
                    .chain(current -> update(code, DeletionRequest.Status.VERIFIED, request.dsrRequestId, current,
                            config.deletionCallbacks().statusRefresh()))
                    .replaceWith(true);
        };
    }

    /** Moves a request on; once dsr-service holds it, the platform id is no longer kept here. */
    private Uni<Void> update(String code, DeletionRequest.Status status, UUID dsrRequestId, DsrApi.RequestView dsrView,
                             Duration nextCheck) {
        return Panache.withTransaction(() -> requests.findById(code).chain(request -> {
            boolean opened = request.dsrRequestId == null && dsrRequestId != null;
            request.status = status.name();
            request.dsrRequestId = dsrRequestId;
            request.dsrStatus = dsrView.status();
            request.dsrOutcome = dsrView.outcome();
            request.attempts = 0;
            request.updatedAt = Instant.now();
            request.nextAttemptAt = request.updatedAt.plus(nextCheck);
            if (status == DeletionRequest.Status.VERIFIED) {
                request.userIdEncrypted = null;
            }
            return opened ? audit.deletionCallbackForwarded(code, dsrRequestId) : Uni.createFrom().voidItem();
        }));
    }

    private Uni<Void> backOff(String code) {
        return Panache.withTransaction(() -> requests.findById(code).invoke(request -> {
            request.attempts++;
            request.nextAttemptAt = Instant.now().plus(Backoff.exponential(request.attempts,
                    config.deletionCallbacks().initialBackoff(), config.deletionCallbacks().maxBackoff()));
        })).replaceWithVoid();
    }

    private Confirmation confirmation(String code) {
        String base = config.publicUrl().toString().replaceAll("/+$", "");
        return new Confirmation(base + "/webhooks/meta/data-deletion/" + code, code);
    }

    /** What the person sees: received here, in progress at dsr-service, or its final outcome there. */
    private static String publicStatus(DeletionRequest request) {
        if (request.dsrStatus != null && (request.dsrStatus.equals("COMPLETED") || request.dsrStatus.equals("REJECTED"))) {
            return request.dsrStatus.toLowerCase(Locale.ROOT);
        }
        return request.dsrRequestId == null ? "received" : "in-progress";
    }

    private static String newCode() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The code stands in for the row id in the ciphertext's associated data. */
    private static UUID rowId(String code) {
        return UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.US_ASCII));
    }
}

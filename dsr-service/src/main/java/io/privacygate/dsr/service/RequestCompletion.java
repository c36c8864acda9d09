package io.privacygate.dsr.service;

import io.privacygate.commons.crypto.AesGcm;
import io.privacygate.commons.crypto.SubjectCipher;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.dsr.api.PurposeInfo;
import io.privacygate.dsr.config.DsrConfig;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.DsrTask;
import io.privacygate.dsr.model.ExportPackage;
import io.privacygate.dsr.model.Outcome;
import io.privacygate.dsr.model.RecipientNotification;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.TaskStatus;
import io.privacygate.dsr.model.TaskStep;
import io.privacygate.dsr.repository.DsrTaskRepository;
import io.privacygate.dsr.repository.ExportPackageRepository;
import io.privacygate.dsr.repository.RecipientNotificationRepository;
import io.privacygate.dsr.service.export.Accountability;
import io.privacygate.dsr.service.export.ExportPackager;
import io.privacygate.dsr.service.fanout.TaskResults;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Completes a request once every task is done, inside the transaction recording the last one: builds the
 * package of an access or portability request, records the Art. 19 notifications of a rectification,
 * erasure or restriction, and closes the request with its outcome.
 */
@ApplicationScoped
public class RequestCompletion {
    private final DsrTaskRepository tasks;
    private final ExportPackageRepository exports;
    private final RecipientNotificationRepository notifications;
    private final SubjectKeys keys;
    private final TaskResults results;
    private final Transitions transitions;
    private final DsrAudit audit;
    private final DsrConfig config;
    private final Vertx vertx;

    RequestCompletion(DsrTaskRepository tasks, ExportPackageRepository exports,
                      RecipientNotificationRepository notifications, SubjectKeys keys, TaskResults results,
                      Transitions transitions, DsrAudit audit, DsrConfig config, Vertx vertx) {
        this.tasks = tasks;
        this.exports = exports;
        this.notifications = notifications;
        this.keys = keys;
        this.results = results;
        this.transitions = transitions;
        this.audit = audit;
        this.config = config;
        this.vertx = vertx;
    }

    public Uni<Void> completeIfDone(DsrRequest request) {
        if (!request.status.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        return tasks.flush().chain(() -> tasks.findByRequest(request.id)).chain(all -> {
            if (all.stream().anyMatch(t -> t.status != TaskStatus.DONE)) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> answer = request.type.exports() ? exportPackage(request, all) : Uni.createFrom().voidItem();
            if (request.type.notifiesRecipients()) {
                answer = answer.chain(() -> notifyRecipients(request, all));
            }
            return answer.chain(() -> transitions.close(request, RequestStatus.COMPLETED, outcome(all), DsrAudit.SYSTEM_ACTOR));
        });
    }

    /** Data kept on a ground of Art. 17(3) makes the answer partial, and it says what and why. */
    private Outcome outcome(List<DsrTask> all) {
        boolean kept = all.stream().filter(t -> t.step == TaskStep.ERASE && !results.heldNoData(t.result))
                .map(t -> results.receipt(t.result))
                .anyMatch(receipt -> receipt.retained() != null && !receipt.retained().isEmpty());
        return kept ? Outcome.PARTIALLY_FULFILLED : Outcome.FULFILLED;
    }

    /**
     * Art. 19: every recipient named in the register by a purpose the subject's data was processed for,
     * as the processing history shows them.
     */
    private Uni<Void> notifyRecipients(DsrRequest request, List<DsrTask> all) {
        List<String> processedFor = all.stream().filter(t -> t.step == TaskStep.HISTORY && !results.heldNoData(t.result))
                .flatMap(t -> results.strings(t.result).stream()).distinct().toList();
        List<PurposeInfo> register = register(all);
        Map<String, TreeSet<String>> purposesByRecipient = new TreeMap<>();
        register.stream().filter(p -> processedFor.contains(p.key())).forEach(p -> p.recipients()
                .forEach(recipient -> purposesByRecipient.computeIfAbsent(recipient, r -> new TreeSet<>()).add(p.key())));
        Instant now = Instant.now();
        List<RecipientNotification> rows = new ArrayList<>();
        purposesByRecipient.forEach((recipient, purposes) -> {
            RecipientNotification row = new RecipientNotification();
            row.id = UUID.randomUUID();
            row.requestId = request.id;
            row.recipient = recipient;
            row.purposes = String.join(",", purposes);
            row.notifiedAt = now;
            rows.add(row);
        });
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return notifications.persist(rows).chain(() -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> audit.recipientNotified(request, row.recipient,
                        List.of(row.purposes.split(","))))
                .collect().asList()).replaceWithVoid();
    }

    private List<PurposeInfo> register(List<DsrTask> all) {
        return all.stream().filter(t -> t.step == TaskStep.PURPOSES).findFirst()
                .map(t -> results.purposes(t.result)).orElse(List.of());
    }

    /**
     * The package is encrypted under a fresh key, and that key under the request's data key: the zip is
     * large, the request key wraps only 32 bytes. The exported data kept on the tasks is then dropped.
     * <p>
     * Decrypting, parsing, zipping and encrypting megabytes is CPU work of seconds: it runs on a worker
     * thread, not on the event loop that serves every other request, and the result comes back on the
     * caller's context, where the database session lives.
     */
    private Uni<Void> exportPackage(DsrRequest request, List<DsrTask> all) {
        return keys.forWriting(request.id)
                .chain(cipher -> vertx.executeBlocking(Uni.createFrom().item(() -> build(request, all, cipher)), false))
                .chain(stored -> exports.persist(stored)
                        .chain(() -> tasks.dropExportedData(request.id))
                        .chain(() -> audit.exportCreated(request, stored.sizeBytes)));
    }

    private ExportPackage build(DsrRequest request, List<DsrTask> all, SubjectCipher cipher) {
        List<DsrExport> exported = all.stream().filter(t -> t.step == TaskStep.EXPORT)
                .filter(t -> t.resultEncrypted != null)
                .map(t -> results.export(cipher.decrypt(DsrTask.RESULT, t.resultEncrypted))).toList();
        List<String> noDataHeldIn = all.stream().filter(t -> t.step == TaskStep.EXPORT && results.heldNoData(t.result))
                .map(t -> t.participant).toList();
        Instant now = Instant.now();
        byte[] zip = ExportPackager.zip(request, exported, noDataHeldIn, register(all), config.historyParticipant(),
                Accountability.of(config), now);
        return seal(request.id, zip, cipher, now);
    }

    private ExportPackage seal(UUID requestId, byte[] zip, SubjectCipher cipher, Instant now) {
        byte[] contentKey = AesGcm.newKey();
        ExportPackage stored = new ExportPackage();
        stored.requestId = requestId;
        stored.contentEncrypted = AesGcm.encrypt(contentKey, zip, associatedData(requestId));
        stored.contentKeyEncrypted = cipher.encrypt(ExportPackage.CONTENT_KEY, Base64.getEncoder().encodeToString(contentKey));
        stored.sha256 = sha256(zip);
        stored.sizeBytes = zip.length;
        stored.createdAt = now;
        stored.expiresAt = now.plus(config.export().ttl());
        return stored;
    }

    /** The request id is bound to the ciphertext, so a package copied onto another request does not decrypt. */
    public static byte[] associatedData(UUID requestId) {
        return ("dsr-export:" + requestId).getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}

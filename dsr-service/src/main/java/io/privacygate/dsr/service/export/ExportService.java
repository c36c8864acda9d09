package io.privacygate.dsr.service.export;

import io.privacygate.commons.crypto.AesGcm;
import io.privacygate.commons.crypto.SubjectKeys;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.ExportPackage;
import io.privacygate.dsr.model.Outcome;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.repository.DsrRequestRepository;
import io.privacygate.dsr.repository.ExportPackageRepository;
import io.privacygate.dsr.service.DsrAudit;
import io.privacygate.dsr.service.RequestCompletion;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.AEADBadTagException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Hands out the Art. 15/20 package of a completed request while it lasts, and deletes it when it expires. */
@ApplicationScoped
public class ExportService {
    private static final int BATCH = 100;
    private final DsrRequestRepository requests;
    private final ExportPackageRepository exports;
    private final SubjectKeys keys;
    private final DsrAudit audit;

    ExportService(DsrRequestRepository requests, ExportPackageRepository exports, SubjectKeys keys, DsrAudit audit) {
        this.requests = requests;
        this.exports = exports;
        this.keys = keys;
        this.audit = audit;
    }

    public record Download(String fileName, byte[] zip, String sha256) {
    }

    /** A filing service ({@code operator} false) is told of no request it did not file: 404, as for none. */
    @WithTransaction
    public Uni<Download> download(UUID id, String actor, boolean operator) {
        return requests.findById(id)
                .map(request -> request == null || (!operator && !actor.equals(request.filedBy)) ? null : request)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No such request."))
                .invoke(ExportService::checkExportable)
                .chain(request -> exports.findById(id).chain(stored -> {
                    if (stored == null || Instant.now().isAfter(stored.expiresAt)) {
                        return Uni.createFrom().failure(new ProblemException(ProblemType.GONE,
                                "The export package has expired and was deleted; it is kept only for a limited time."));
                    }
                    return open(stored).call(() -> audit.exportDownloaded(request, actor))
                            .map(zip -> new Download("dsr-" + id + ".zip", zip, stored.sha256));
                }));
    }

    /** @throws ProblemException 409 unless the request is a completed access or portability request with data */
    static void checkExportable(DsrRequest request) {
        if (!request.type.exports()) {
            throw ProblemException.conflict("Only ACCESS and PORTABILITY requests have an export package.");
        }
        if (request.status != RequestStatus.COMPLETED) {
            throw ProblemException.conflict("The request is " + request.status
                    + "; its export package exists once it is COMPLETED.");
        }
        if (request.outcome == Outcome.NO_DATA_HELD) {
            throw ProblemException.conflict("No personal data is held about the requester, so there is no package; "
                    + "the request's answer says so.");
        }
    }

    private Uni<byte[]> open(ExportPackage stored) {
        return keys.forReading(stored.requestId).map(cipher -> {
            byte[] contentKey = Base64.getDecoder().decode(cipher.decrypt(ExportPackage.CONTENT_KEY, stored.contentKeyEncrypted));
            try {
                return AesGcm.decrypt(contentKey, stored.contentEncrypted, RequestCompletion.associatedData(stored.requestId));
            } catch (AEADBadTagException e) {
                throw new IllegalStateException("An export package failed authentication", e);
            }
        });
    }

    /** Art. 5(1)(c), (e): the package is a copy of everything held; it is not kept longer than needed to hand it over. */
    @WithTransaction
    public Uni<Integer> deleteExpired(Instant now) {
        return exports.expired(now, BATCH).chain(ids -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> exports.deleteById(id)
                        .chain(() -> requests.findById(id))
                        .chain(audit::exportExpired))
                .collect().asList().map(done -> ids.size()));
    }
}

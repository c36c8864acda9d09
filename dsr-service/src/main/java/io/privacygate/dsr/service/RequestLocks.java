package io.privacygate.dsr.service;

import io.privacygate.commons.problem.ProblemException;
import io.privacygate.dsr.model.DsrRequest;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.repository.DsrRequestRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** Loads a request for a change, locked, and refuses the change when the request is not in a state allowing it. */
@ApplicationScoped
public class RequestLocks {
    private final DsrRequestRepository requests;

    RequestLocks(DsrRequestRepository requests) {
        this.requests = requests;
    }

    public Uni<DsrRequest> lock(UUID id) {
        return requests.findForUpdate(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No such request."));
    }

    /** @throws ProblemException 409 naming the request's status and what the change needs */
    public Uni<DsrRequest> lockIn(UUID id, Set<RequestStatus> allowed, String change) {
        return lock(id).invoke(request -> {
            if (!allowed.contains(request.status)) {
                throw ProblemException.conflict("The request is " + request.status + "; " + change + ".");
            }
        });
    }
}

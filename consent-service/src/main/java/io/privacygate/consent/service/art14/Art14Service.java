package io.privacygate.consent.service.art14;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.web.PageRequest;
import io.privacygate.consent.api.Art14Due;
import io.privacygate.consent.api.Art14InformedRequest;
import io.privacygate.consent.api.Art14InformedView;
import io.privacygate.consent.config.ConsentConfig;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.Art14Repository;
import io.privacygate.consent.service.audit.ConsentAudit;
import io.privacygate.consent.service.subjects.SubjectService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Art. 14, data not obtained from the subject (#20 point 4): when data comes from a platform or an import, the subject
 * must be informed at the latest within one month (Art. 14(3)(a)), unless every purpose gives the information by a
 * justified public notice (Art. 14(5)(b)). Operators record when a subject was informed, and see who is due.
 */
@ApplicationScoped
public class Art14Service {
    private final Art14Repository art14;
    private final SubjectService subjects;
    private final ConsentAudit audit;
    private final SecurityIdentity identity;
    private final ConsentConfig config;

    Art14Service(Art14Repository art14, SubjectService subjects, ConsentAudit audit, SecurityIdentity identity,
                 ConsentConfig config) {
        this.art14 = art14;
        this.subjects = subjects;
        this.audit = audit;
        this.identity = identity;
        this.config = config;
    }

    @WithTransaction
    public Uni<Art14InformedView> informed(UUID subjectId, Art14InformedRequest request) {
        Instant now = Timestamps.now();
        if (request.informedAt().isAfter(now.plus(config.evidence().maxClockSkew()))) {
            throw ProblemException.invalidField("informedAt", "must not be in the future");
        }
        String actor = Actors.of(identity);
        String means = request.means().trim();
        return subjects.requireFound(subjectId)
                .chain(() -> art14.recordInformed(subjectId, request.informedAt(), means, actor, now))
                .chain(() -> audit.art14Informed(subjectId))
                .replaceWith(new Art14InformedView(subjectId, request.informedAt(), means, actor, now));
    }

    /** Subjects not informed whose month ends within {@code within} from now, or has ended; nearest first. */
    public Uni<List<Art14Due>> due(Duration within, PageRequest page) {
        if (within.isNegative()) {
            throw ProblemException.invalidField("within", "must not be negative");
        }
        return art14.due(Timestamps.now().plus(within), page.page() * page.size(), page.size());
    }
}

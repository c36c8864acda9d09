package io.privacygate.consent.service.purposes;

import io.privacygate.commons.audit.Actors;
import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.consent.api.BalancingTestRequest;
import io.privacygate.consent.api.BalancingTestView;
import io.privacygate.consent.api.PurposeView;
import io.privacygate.consent.model.BalancingTest;
import io.privacygate.consent.model.PurposeStatus;
import io.privacygate.consent.model.Timestamps;
import io.privacygate.consent.repository.BalancingTestRepository;
import io.privacygate.consent.repository.PurposeRepository;
import io.privacygate.consent.service.audit.ConsentAudit;
import io.privacygate.consent.service.decisionstate.Changed;
import io.privacygate.consent.service.decisionstate.StateChanges;
import io.privacygate.consent.service.decisionstate.StateKeys;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A purpose's justification and its activation (Art. 6(1), Art. 5(2)): the DPO records the balancing test of a
 * legitimate-interests purpose, and activates a draft once nothing is missing.
 */
@ApplicationScoped
public class JustificationService {
    private final PurposeRepository purposes;
    private final BalancingTestRepository balancingTests;
    private final PurposeService views;
    private final ConsentAudit audit;
    private final StateChanges changes;
    private final SecurityIdentity identity;

    JustificationService(PurposeRepository purposes, BalancingTestRepository balancingTests, PurposeService views,
                         ConsentAudit audit, StateChanges changes, SecurityIdentity identity) {
        this.purposes = purposes;
        this.balancingTests = balancingTests;
        this.views = views;
        this.audit = audit;
        this.changes = changes;
        this.identity = identity;
    }

    /** Art. 6(1)(f): the assessment of the current version, signed off by the DPO calling (their token), now. */
    @WithTransaction
    public Uni<BalancingTestView> recordBalancingTest(String key, BalancingTestRequest request) {
        return purposes.lockKey(key).chain(() -> purposes.findCurrent(key)).chain(current -> {
            if (current == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No such purpose."));
            }
            if (current.legalBasis != LegalBasis.LEGITIMATE_INTERESTS) {
                return Uni.createFrom().failure(ProblemException.unprocessable("Purpose '" + key + "' is based on "
                        + current.legalBasis + ": a balancing test is recorded for legitimate interests only."));
            }
            BalancingTest test = new BalancingTest();
            test.id = UUID.randomUUID();
            test.purposeKey = key;
            test.purposeVersion = current.version;
            test.interest = request.interest().strip();
            test.necessity = request.necessity().strip();
            test.balance = request.balance().strip();
            test.signedOffBy = Actors.of(identity);
            test.signedOffAt = Timestamps.now();
            return balancingTests.persistAndFlush(test)
                    .call(saved -> audit.balancingTestRecorded(current))
                    .map(Purposes::view);
        });
    }

    /** A draft becomes active once its basis is justified; an active purpose stays as it is. */
    public Uni<PurposeView> activate(String key) {
        return changes.commit(() -> purposes.lockKey(key).chain(() -> purposes.findCurrent(key)).chain(current -> {
            if (current == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No such purpose."));
            }
            if (current.status == PurposeStatus.ACTIVE) {
                return views.view(current).map(Changed::none);
            }
            return balancingTests.findInForce(Set.of(key)).chain(tests -> {
                List<String> missing = Justification.missing(current, tests.containsKey(key));
                if (!missing.isEmpty()) {
                    return Uni.createFrom().failure(ProblemException.unprocessable("Purpose '" + key + "' cannot be "
                            + "activated: it is not justified; missing: "
                            + String.join(", ", missing.stream().map(JustificationService::words).toList()) + "."));
                }
                current.status = PurposeStatus.ACTIVE;
                return purposes.flush()
                        .call(() -> audit.purposeActivated(current))
                        .chain(() -> views.view(current))
                        .map(view -> Changed.of(view, Set.of(StateKeys.PURPOSES)));
            });
        }));
    }

    private static String words(String item) {
        return switch (item) {
            case Justification.BALANCING_TEST -> "a balancing test (PUT /api/v1/purposes/{key}/balancing-test)";
            case Justification.BASIS_REFERENCE -> "the basisReference (the contract, law or task it rests on)";
            case Justification.ART14_JUSTIFICATION -> "the art14Justification of its public notice (Art. 14(5)(b))";
            default -> item;
        };
    }
}

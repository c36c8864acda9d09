package io.privacygate.dsr.service.fanout;

import io.privacygate.commons.dsr.DsrExport;
import io.privacygate.dsr.api.PurposeInfo;
import io.privacygate.dsr.client.CallFailure;
import io.privacygate.dsr.client.ConsentClient;
import io.privacygate.dsr.client.ParticipantClient;
import io.privacygate.dsr.model.TaskStep;
import io.privacygate.dsr.service.export.Purposes;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Carries out one step against one system. Every call is idempotent, so a step interrupted by a crash is
 * simply made again. A participant answering 404 holds nothing about the subject, which is recorded as such.
 */
@ApplicationScoped
public class StepExecutor {
    private final ParticipantClient participants;
    private final ConsentClient consent;
    private final TaskResults results;

    StepExecutor(ParticipantClient participants, ConsentClient consent, TaskResults results) {
        this.participants = participants;
        this.consent = consent;
        this.results = results;
    }

    public Uni<StepResult> execute(Work work) {
        Uni<StepResult> call = switch (work.step()) {
            case RESOLVE -> resolve(work);
            case EXPORT -> participants.export(work.participant(), work.subjectId())
                    .map(export -> recorded(Map.of("recordSets", counts(export)), export));
            case ERASE -> participants.erase(work.participant(), work.subjectId()).map(this::recorded);
            case RESTRICT -> participants.restrict(work.participant(), work.subjectId()).map(this::recorded);
            case UNRESTRICT -> participants.unrestrict(work.participant(), work.subjectId()).map(this::recorded);
            case RECTIFY -> participants.rectify(work.participant(), work.subjectId(), work.rectification())
                    .map(this::recorded);
            case HISTORY -> participants.export(work.participant(), work.subjectId())
                    .map(export -> recorded(Purposes.processedFor(export)));
            case PURPOSES -> consent.purposes().map(this::recorded);
            case WITHDRAW_MARKETING -> withdrawMarketing(work);
            case OBJECT -> object(work);
        };
        return call.onFailure(e -> CallFailure.of(e).notFound() && work.step() != TaskStep.RESOLVE
                        && work.step() != TaskStep.PURPOSES && work.step() != TaskStep.WITHDRAW_MARKETING)
                .recoverWithItem(new StepResult.Recorded(TaskResults.HELD_NO_DATA, null));
    }

    /** All identifiers in one lookup: consent-service answers the one subject holding them, or none. */
    private Uni<StepResult> resolve(Work work) {
        return consent.lookup(work.identifiers()).map(found -> found
                .<StepResult>map(StepResult.SubjectFound::new)
                .orElseGet(StepResult.NoSubject::new));
    }

    /**
     * Art. 21(1)-(3): an objection to every purpose of the register it applies to, which consent-service enforces:
     * direct marketing stops absolutely, legitimate interests and public task unless the DPO records compelling
     * grounds. Purposes on contract, legal obligation, vital interests or consent get none (consent is withdrawn).
     */
    private Uni<StepResult> object(Work work) {
        return consent.purposes().chain(register -> {
            List<String> keys = register.stream().filter(StepExecutor::objectable).map(PurposeInfo::key)
                    .filter(Objects::nonNull).distinct().sorted().toList();
            return Multi.createFrom().iterable(keys)
                    .onItem().transformToUniAndConcatenate(key -> consent.object(work.subjectId(), key))
                    .collect().asList()
                    .map(done -> recorded(keys));
        });
    }

    private static boolean objectable(PurposeInfo purpose) {
        return purpose.directMarketing() || "LEGITIMATE_INTERESTS".equals(purpose.legalBasis())
                || "PUBLIC_TASK".equals(purpose.legalBasis());
    }

    /**
     * Art. 21(3): every consent-based purpose the register flags as direct marketing ({@code directMarketing}, never
     * a pattern on keys) is withdrawn for the subject; consent-service records no consent event for other bases.
     */
    private Uni<StepResult> withdrawMarketing(Work work) {
        return consent.purposes().chain(register -> {
            List<String> keys = register.stream().filter(PurposeInfo::directMarketing)
                    .filter(p -> "CONSENT".equals(p.legalBasis())).map(PurposeInfo::key).filter(Objects::nonNull)
                    .distinct().sorted().toList();
            return Multi.createFrom().iterable(keys)
                    .onItem().transformToUniAndConcatenate(key -> consent.withdraw(work.subjectId(), key, work.requestId(),
                            "dsr-" + work.taskId() + "-" + key))
                    .collect().asList()
                    .map(done -> recorded(keys));
        });
    }

    private static Map<String, Integer> counts(DsrExport export) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (export.records() != null) {
            export.records().forEach((set, rows) -> counts.put(set, rows == null ? 0 : rows.size()));
        }
        return counts;
    }

    private StepResult recorded(Object value) {
        return new StepResult.Recorded(results.write(value), null);
    }

    private StepResult recorded(Object value, DsrExport sensitive) {
        return new StepResult.Recorded(results.write(value), results.write(sensitive));
    }
}

package io.privacygate.dsr.service.fanout;

import io.privacygate.dsr.model.RequestType;
import io.privacygate.dsr.model.TaskStep;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.privacygate.dsr.service.fanout.FanOutPlan.Step;
import static org.assertj.core.api.Assertions.assertThat;

class FanOutPlanTest {
    private static final List<String> PARTICIPANTS = List.of("audit-service", "consent-service", "ingestion-service");

    @Test
    void accessExportsFromEveryParticipantAndReadsTheRegister() {
        assertThat(FanOutPlan.plan(RequestType.ACCESS, PARTICIPANTS, "audit-service")).containsExactly(
                new Step(TaskStep.EXPORT, "audit-service"), new Step(TaskStep.EXPORT, "consent-service"),
                new Step(TaskStep.EXPORT, "ingestion-service"), new Step(TaskStep.PURPOSES, "consent-service"));
    }

    @Test
    void erasureErasesEverywhereAndReadsTheHistoryForArticle19() {
        assertThat(FanOutPlan.plan(RequestType.ERASURE, PARTICIPANTS, "audit-service")).containsExactly(
                new Step(TaskStep.ERASE, "audit-service"), new Step(TaskStep.ERASE, "consent-service"),
                new Step(TaskStep.ERASE, "ingestion-service"), new Step(TaskStep.PURPOSES, "consent-service"),
                new Step(TaskStep.HISTORY, "audit-service"));
    }

    @Test
    void anObjectionIsRecordedPerPurposeAndRestrictsNoParticipant() {
        assertThat(FanOutPlan.plan(RequestType.OBJECTION, PARTICIPANTS, "audit-service"))
                .containsExactly(new Step(TaskStep.PURPOSES, "consent-service"),
                        new Step(TaskStep.OBJECT, "consent-service"),
                        new Step(TaskStep.WITHDRAW_MARKETING, "consent-service"));
    }

    @Test
    void everyTypeHasOneStepPerParticipantForTheRightExercised() {
        for (RequestType type : RequestType.values()) {
            if (type == RequestType.OBJECTION) {
                continue;
            }
            List<Step> plan = FanOutPlan.plan(type, PARTICIPANTS, "audit-service");
            for (String participant : PARTICIPANTS) {
                assertThat(plan.stream().filter(s -> s.participant().equals(participant)
                        && s.step() != TaskStep.HISTORY && s.step() != TaskStep.PURPOSES
                        && s.step() != TaskStep.WITHDRAW_MARKETING)).hasSize(1);
            }
        }
    }
}

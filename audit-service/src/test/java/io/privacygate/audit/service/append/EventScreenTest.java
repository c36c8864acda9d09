package io.privacygate.audit.service.append;

import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventScreenTest {

    private static AuditEvent event(String subjectRef, Map<String, String> details) {
        return new AuditEvent("e-" + System.nanoTime(), Instant.parse("2026-01-01T00:00:00Z"), "consent-service",
                "client:consent-service", "consent.granted", subjectRef, "marketing", "CONSENT", "SUCCESS", details);
    }

    private static ProblemException refusal(List<AuditEvent> events) {
        return catchThrowableOfType(ProblemException.class, () -> EventScreen.admit(events));
    }

    @Test
    void admitsValidEventsAsTheirCanonicalBytes() {
        List<byte[]> leaves = EventScreen.admit(List.of(event("s-1", Map.of()), event("s-2", null)));
        assertThat(leaves).hasSize(2);
        assertThat(new String(leaves.get(1))).contains("\"details\":{}").contains("\"subjectRef\":\"s-2\"");
    }

    @Test
    void personalDataIsUnprocessableAndNeverEchoed() {
        ProblemException refused = refusal(List.of(event("s-1", Map.of("contact", "jane@example.org"))));
        assertThat(refused.type()).isEqualTo(ProblemType.UNPROCESSABLE);
        Problem problem = refused.toProblem();
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("events[0].details.contact");
        assertThat(problem.toString()).doesNotContain("jane");
    }

    @Test
    void aDetailsKeyThatIsPersonalIsNotNamed() {
        Problem problem = refusal(List.of(event("s-1", Map.of("jane@example.org", "x")))).toProblem();
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("events[0].details");
        assertThat(problem.toString()).doesNotContain("jane");
    }

    @Test
    void malformedEventsComeBeforePersonalData() {
        AuditEvent malformed = new AuditEvent(null, null, "Consent Service", null, " ", "jane@example.org", null, null,
                "SUCCESS", null);
        ProblemException refused = refusal(List.of(malformed));
        assertThat(refused.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(refused.toProblem().errors()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder("events[0].eventId", "events[0].occurredAt", "events[0].service", "events[0].action");
    }

    @Test
    void refusesControlCharactersUnpairedSurrogatesAndNullDetailValues() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("reason", null);
        assertThat(refusal(List.of(event("s\u0000", Map.of()))).type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(refusal(List.of(event("s\ud800", Map.of()))).type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(refusal(List.of(event("s-1", nullValue))).toProblem().errors())
                .extracting(Problem.FieldError::field).containsExactly("events[0].details.reason");
    }

    @Test
    void boundsTheBatch() {
        assertThat(refusal(List.of()).type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(refusal(null).type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(refusal(Collections.nCopies(EventScreen.MAX_BATCH + 1, event("s", Map.of()))).type())
                .isEqualTo(ProblemType.VALIDATION);
        assertThat(refusal(Collections.singletonList(null)).toProblem().errors())
                .extracting(Problem.FieldError::field).containsExactly("events[0]");
    }
}

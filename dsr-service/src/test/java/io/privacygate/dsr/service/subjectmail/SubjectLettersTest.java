package io.privacygate.dsr.service.subjectmail;

import io.privacygate.dsr.model.DsrRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The letters' texts: the reference, the dates in the controller's calendar, the reasons, the rights. */
class SubjectLettersTest {
    private static final String AUTHORITY = "Berliner Beauftragte für Datenschutz, Alt-Moabit 59-61, 10555 Berlin";

    static DsrRequest request() {
        DsrRequest request = new DsrRequest();
        request.id = UUID.randomUUID();
        request.receivedAt = Instant.parse("2026-01-31T23:30:00Z");
        request.dueAt = Instant.parse("2026-04-30T21:59:59Z");
        return request;
    }

    @Test
    void anExtensionGivesTheNewDeadlineAndTheReasonsInTheControllersCalendar() {
        DsrRequest request = request();
        SubjectLetter letter = SubjectLetters.extension(request, "Records in four systems", ZoneId.of("Europe/Berlin"));
        assertThat(letter.kind()).isEqualTo(SubjectLetter.Kind.EXTENSION);
        assertThat(letter.subject()).contains(request.id.toString());
        assertThat(letter.body()).contains("2026-02-01").contains("2026-04-30").contains("Records in four systems")
                .contains("Art. 12(3)");
    }

    @Test
    void aRefusalNamesTheAuthorityToComplainToAndTheRightToAJudicialRemedy() {
        SubjectLetter letter = SubjectLetters.refusal(request(), "Manifestly unfounded", ZoneOffset.UTC, AUTHORITY);
        assertThat(letter.kind()).isEqualTo(SubjectLetter.Kind.REFUSAL);
        assertThat(letter.body()).contains("Manifestly unfounded").contains(AUTHORITY).contains("Art. 77")
                .contains("judicial remedy").contains("Art. 79").contains("2026-01-31");
    }

    @Test
    void theNoticeOfALiftSaysItComesBeforeTheLiftWithTheReasonsAndTheRights() {
        SubjectLetter letter = SubjectLetters.restrictionLift(request(), "Accuracy verified", ZoneOffset.UTC, AUTHORITY);
        assertThat(letter.kind()).isEqualTo(SubjectLetter.Kind.RESTRICTION_LIFT);
        assertThat(letter.body()).contains("Art. 18(3)").contains("will be lifted").contains("Accuracy verified")
                .contains(AUTHORITY).contains("Art. 79");
    }
}

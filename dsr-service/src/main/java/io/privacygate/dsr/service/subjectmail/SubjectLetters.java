package io.privacygate.dsr.service.subjectmail;

import io.privacygate.dsr.model.DsrRequest;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The texts of the letters to a requester. Each names the request by its reference and date of receipt only, so
 * that a letter reaching the wrong inbox tells nothing about anyone; the reason is the one the operator wrote for
 * the requester. Pure functions, tested without a container.
 */
public final class SubjectLetters {
    private static final String SIGN_OFF = "\n\nPlease quote the reference in any reply.\n";

    private SubjectLetters() {
    }

    /** Art. 12(3): "the controller shall inform the data subject of any such extension within one month ... together with the reasons". */
    public static SubjectLetter extension(DsrRequest request, String reason, ZoneId zone) {
        return new SubjectLetter(SubjectLetter.Kind.EXTENSION,
                "Your data protection request " + request.id + ": more time needed",
                "We received your data protection request (reference " + request.id + ") on "
                        + day(request.receivedAt, zone) + ".\n\n"
                        + "We need more time to answer it. As Art. 12(3) GDPR allows, the time to answer is extended; "
                        + "we will answer by " + day(request.dueAt, zone) + " at the latest.\n\n"
                        + "The reasons: " + reason + SIGN_OFF);
    }

    /** Art. 12(4): the reasons for not taking action, and the right to complain and to a judicial remedy. */
    public static SubjectLetter refusal(DsrRequest request, String reason, ZoneId zone, String supervisoryAuthority) {
        return new SubjectLetter(SubjectLetter.Kind.REFUSAL,
                "Your data protection request " + request.id + ": refused",
                "We received your data protection request (reference " + request.id + ") on "
                        + day(request.receivedAt, zone) + ".\n\n"
                        + "We will not take action on it. The reasons: " + reason + "\n\n"
                        + "You have the right to lodge a complaint with a supervisory authority (Art. 77 GDPR): "
                        + supervisoryAuthority + ". You also have the right to an effective judicial remedy "
                        + "(Art. 79 GDPR) before the courts." + SIGN_OFF);
    }

    /** Art. 18(3): the subject who obtained a restriction is informed before it is lifted. */
    public static SubjectLetter restrictionLift(DsrRequest request, String reason, ZoneId zone, String supervisoryAuthority) {
        return new SubjectLetter(SubjectLetter.Kind.RESTRICTION_LIFT,
                "Your data protection request " + request.id + ": the restriction of processing will be lifted",
                "By your data protection request (reference " + request.id + ") received on "
                        + day(request.receivedAt, zone) + ", the processing of your personal data was restricted "
                        + "(Art. 18 GDPR).\n\n"
                        + "As Art. 18(3) GDPR requires, we inform you before we lift this restriction: it will be lifted. "
                        + "The reasons: " + reason + "\n\n"
                        + "If you disagree, reply to this message. You also have the right to lodge a complaint with a "
                        + "supervisory authority (Art. 77 GDPR): " + supervisoryAuthority + ", and to an effective "
                        + "judicial remedy (Art. 79 GDPR)." + SIGN_OFF);
    }

    private static LocalDate day(java.time.Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}

package io.privacygate.consent.service.privacycenter;

import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.consent.model.ConsentState;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words for the codes the privacy center shows: legal bases, consent states, request types and statuses, and
 * durations.
 */
public final class PrivacyLabels {
    private static final Pattern ISO_DURATION = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");
    /** Per group of {@link #ISO_DURATION}, the unit's word for one and for any other amount. */
    private static final List<List<Function<PrivacyMessages, String>>> UNITS = List.of(
            List.of(PrivacyMessages::unitYearOne, PrivacyMessages::unitYearOther),
            List.of(PrivacyMessages::unitMonthOne, PrivacyMessages::unitMonthOther),
            List.of(PrivacyMessages::unitWeekOne, PrivacyMessages::unitWeekOther),
            List.of(PrivacyMessages::unitDayOne, PrivacyMessages::unitDayOther),
            List.of(PrivacyMessages::unitHourOne, PrivacyMessages::unitHourOther),
            List.of(PrivacyMessages::unitMinuteOne, PrivacyMessages::unitMinuteOther),
            List.of(PrivacyMessages::unitSecondOne, PrivacyMessages::unitSecondOther));

    private PrivacyLabels() {
    }

    /** "P1Y6M" as "1 year, 6 months" (or "1 Jahr, 6 Monate"); a value that is not a duration as it is. */
    public static String retention(PrivacyMessages words, String iso) {
        Matcher m = iso == null ? null : ISO_DURATION.matcher(iso);
        if (m == null || !m.matches()) {
            return iso;
        }
        List<String> parts = new ArrayList<>();
        for (int group = 1; group <= UNITS.size(); group++) {
            String amount = m.group(group);
            if (amount != null && Double.parseDouble(amount) > 0) {
                List<Function<PrivacyMessages, String>> unit = UNITS.get(group - 1);
                parts.add(amount + " " + unit.get(amount.equals("1") ? 0 : 1).apply(words));
            }
        }
        return parts.isEmpty() ? iso : String.join(", ", parts);
    }

    public static String basis(PrivacyMessages words, LegalBasis basis) {
        return switch (basis) {
            case CONSENT -> words.basisConsent();
            case CONTRACT -> words.basisContract();
            case LEGAL_OBLIGATION -> words.basisLegalObligation();
            case VITAL_INTERESTS -> words.basisVitalInterests();
            case PUBLIC_TASK -> words.basisPublicTask();
            case LEGITIMATE_INTERESTS -> words.basisLegitimateInterests();
        };
    }

    /** A subject's choice; {@code null} when they have made none. */
    public static String state(PrivacyMessages words, ConsentState state) {
        if (state == null) {
            return words.stateNone();
        }
        return switch (state) {
            case GRANTED -> words.stateGranted();
            case WITHDRAWN -> words.stateWithdrawn();
            case DENIED -> words.stateDenied();
        };
    }

    /** A request type (dsr-service's {@code RequestType}); one this service does not know is shown as its code. */
    public static String requestType(PrivacyMessages words, String type) {
        return switch (type) {
            case "ACCESS" -> words.typeAccess();
            case "PORTABILITY" -> words.typePortability();
            case "RECTIFICATION" -> words.typeRectification();
            case "ERASURE" -> words.typeErasure();
            case "RESTRICTION" -> words.typeRestriction();
            case "OBJECTION" -> words.typeObjection();
            default -> type;
        };
    }

    /** What a request type asks for, with its article. */
    public static String requestTypeHelp(PrivacyMessages words, String type) {
        return switch (type) {
            case "ACCESS" -> words.typehelpAccess();
            case "PORTABILITY" -> words.typehelpPortability();
            case "RECTIFICATION" -> words.typehelpRectification();
            case "ERASURE" -> words.typehelpErasure();
            case "RESTRICTION" -> words.typehelpRestriction();
            default -> type;
        };
    }

    /** A request's status as dsr-service answers it ({@code RequestStatus}); an unknown one as its code. */
    public static String requestStatus(PrivacyMessages words, String status) {
        return switch (status) {
            case "RECEIVED" -> words.statusReceived();
            case "VERIFIED" -> words.statusVerified();
            case "IN_PROGRESS" -> words.statusInProgress();
            case "COMPLETED" -> words.statusCompleted();
            case "REJECTED" -> words.statusRejected();
            default -> status;
        };
    }
}

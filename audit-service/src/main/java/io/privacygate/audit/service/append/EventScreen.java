package io.privacygate.audit.service.append;

import io.privacygate.audit.model.LeafCodec;
import io.privacygate.commons.audit.AuditEvent;
import io.privacygate.commons.audit.AuditOutcome;
import io.privacygate.commons.gdpr.LegalBasis;
import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether a batch may enter the log. A batch is appended whole or not at all: a malformed event
 * makes it a 400, an event carrying something like personal data a 422, and in both cases the answer names
 * every offending field (never its value). Half-appending would let the sender's retry and the log disagree
 * about what was recorded.
 */
public final class EventScreen {
    public static final int MAX_BATCH = 500;
    /** Bounds a batch to about 4 MiB, within privacy-gate.http.max-body-size. */
    static final int MAX_LEAF_BYTES = 8192;
    static final int MAX_TEXT = 256;
    static final int MAX_EVENT_ID = 128;
    static final int MAX_DETAILS = 32;
    static final int MAX_DETAIL_KEY = 64;
    static final int MAX_DETAIL_VALUE = 512;

    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Set<String> OUTCOMES = names(AuditOutcome.values());
    private static final Set<String> LEGAL_BASES = names(LegalBasis.values());

    private EventScreen() {
    }

    /**
     * Checks a batch and returns each event's canonical leaf bytes, in order.
     *
     * @throws ProblemException 400 for a malformed batch, 422 for personal data
     */
    public static List<byte[]> admit(List<AuditEvent> events) {
        if (events == null || events.isEmpty() || events.size() > MAX_BATCH) {
            throw ProblemException.invalidField("events", "must hold 1 to " + MAX_BATCH + " events");
        }
        List<Problem.FieldError> malformed = new ArrayList<>();
        List<Problem.FieldError> personal = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            AuditEvent event = events.get(i);
            String at = "events[" + i + "]";
            if (event == null) {
                malformed.add(new Problem.FieldError(at, "must be an event"));
                continue;
            }
            int errorsBefore = malformed.size();
            checkShape(event, at, malformed);
            checkPersonalData(event, at, personal);
            if (malformed.size() == errorsBefore) {
                byte[] leaf = LeafCodec.encode(event);
                if (leaf.length > MAX_LEAF_BYTES) {
                    malformed.add(new Problem.FieldError(at, "must be at most " + MAX_LEAF_BYTES + " bytes as canonical JSON"));
                }
                leaves.add(leaf);
            }
        }
        if (!malformed.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The batch has invalid events; none was appended.",
                    malformed, null);
        }
        if (!personal.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Events must carry pseudonymous ids only: fields that "
                    + "look like an e-mail address or a phone number were found; none of the batch was appended.",
                    personal, null);
        }
        return leaves;
    }

    private static void checkShape(AuditEvent event, String at, List<Problem.FieldError> errors) {
        required(event.eventId(), MAX_EVENT_ID, at + ".eventId", errors);
        if (event.occurredAt() == null) {
            errors.add(new Problem.FieldError(at + ".occurredAt", "is required"));
        }
        if (event.service() == null || !SERVICE.matcher(event.service()).matches()) {
            errors.add(new Problem.FieldError(at + ".service", "must be a service name (lower case, digits, dashes)"));
        }
        required(event.action(), MAX_TEXT, at + ".action", errors);
        optional(event.actor(), MAX_TEXT, at + ".actor", errors);
        optional(event.subjectRef(), MAX_TEXT, at + ".subjectRef", errors);
        optional(event.purpose(), MAX_TEXT, at + ".purpose", errors);
        if (event.outcome() == null || !OUTCOMES.contains(event.outcome())) {
            errors.add(new Problem.FieldError(at + ".outcome", "must be one of " + OUTCOMES));
        }
        if (event.legalBasis() != null && !LEGAL_BASES.contains(event.legalBasis())) {
            errors.add(new Problem.FieldError(at + ".legalBasis", "must be one of " + LEGAL_BASES));
        }
        Map<String, String> details = event.details();
        if (details != null) {
            if (details.size() > MAX_DETAILS) {
                errors.add(new Problem.FieldError(at + ".details", "must hold at most " + MAX_DETAILS + " entries"));
            }
            details.forEach((key, value) -> {
                if (key.isEmpty() || key.length() > MAX_DETAIL_KEY || !isText(key)) {
                    errors.add(new Problem.FieldError(at + ".details", "keys must be 1 to " + MAX_DETAIL_KEY + " characters"));
                }
                if (value == null || value.length() > MAX_DETAIL_VALUE || !isText(value)) {
                    errors.add(new Problem.FieldError(at + ".details." + safeKey(key),
                            "must be a text of at most " + MAX_DETAIL_VALUE + " characters"));
                }
            });
        }
    }

    private static void checkPersonalData(AuditEvent event, String at, List<Problem.FieldError> errors) {
        String message = "looks like an e-mail address or a phone number";
        if (PersonalDataPatterns.looksLikeDirectIdentifier(event.subjectRef())) {
            errors.add(new Problem.FieldError(at + ".subjectRef", message + "; use the subject's pseudonymous id"));
        }
        if (PersonalDataPatterns.looksLikeDirectIdentifier(event.actor())) {
            errors.add(new Problem.FieldError(at + ".actor", message + "; use a pseudonymous actor id"));
        }
        for (String field : List.of("eventId", "service", "action", "purpose")) {
            if (PersonalDataPatterns.looksPersonal(value(event, field))) {
                errors.add(new Problem.FieldError(at + "." + field, message));
            }
        }
        if (event.details() != null) {
            event.details().forEach((key, value) -> {
                if (PersonalDataPatterns.looksPersonal(key)) {
                    errors.add(new Problem.FieldError(at + ".details", "a key " + message));
                } else if (PersonalDataPatterns.looksPersonal(value)) {
                    errors.add(new Problem.FieldError(at + ".details." + safeKey(key), message));
                }
            });
        }
    }

    private static String value(AuditEvent event, String field) {
        return switch (field) {
            case "eventId" -> event.eventId();
            case "service" -> event.service();
            case "action" -> event.action();
            default -> event.purpose();
        };
    }

    private static void required(String value, int max, String field, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required"));
        } else {
            optional(value, max, field, errors);
        }
    }

    private static void optional(String value, int max, String field, List<Problem.FieldError> errors) {
        if (value != null && (value.length() > max || !isText(value))) {
            errors.add(new Problem.FieldError(field, "must be a text of at most " + max + " characters"));
        }
    }

    /** Text JCS can canonicalise: no unpaired surrogates; no control characters but tab and newline. */
    private static boolean isText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A details key is named in the answer only when it is short and harmless; otherwise by position only. */
    private static String safeKey(String key) {
        return key.length() <= MAX_DETAIL_KEY && key.matches("[A-Za-z0-9_.-]+") && !PersonalDataPatterns.looksPersonal(key)
                ? key : "<key>";
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}

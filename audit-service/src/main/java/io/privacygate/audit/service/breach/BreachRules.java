package io.privacygate.audit.service.breach;

import io.privacygate.audit.api.AuthorityNotice;
import io.privacygate.audit.api.BreachDraft;
import io.privacygate.audit.api.SubjectNotice;
import io.privacygate.audit.model.Breach;
import io.privacygate.audit.model.Exemption;
import io.privacygate.audit.model.NotificationClock;
import io.privacygate.commons.problem.Problem;
import io.privacygate.commons.problem.ProblemException;
import io.privacygate.commons.problem.ProblemType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Checks what a DPO enters in the register; every offending field is named at once, never its value. */
final class BreachRules {
    static final int MAX_TEXT = 4000;
    static final int MAX_SHORT = 256;
    static final int MAX_CATEGORIES = 50;
    static final int MAX_CATEGORY = 128;

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** The whole entry, as it would be stored. */
    static void checkEntry(Breach breach, Instant now) {
        BreachRules rules = new BreachRules();
        rules.text("nature", breach.nature(), true, MAX_TEXT);
        rules.text("consequences", breach.consequences(), false, MAX_TEXT);
        rules.text("measures", breach.measures(), false, MAX_TEXT);
        rules.categories("dataCategories", breach.dataCategories());
        rules.categories("subjectCategories", breach.subjectCategories());
        if (breach.approxSubjects() < 0) {
            rules.error("approxSubjects", "must be 0 or more");
        }
        if (breach.approxRecords() < 0) {
            rules.error("approxRecords", "must be 0 or more");
        }
        if (breach.awareAt().isAfter(now)) {
            rules.error("awareAt", "must not be in the future");
        }
        if (breach.occurredAt() != null && breach.occurredAt().isAfter(breach.awareAt())) {
            rules.error("occurredAt", "must not be after awareAt");
        }
        if (breach.authority() != null && breach.authority().notifiedAt().isBefore(breach.awareAt())) {
            rules.error("awareAt", "must not be after the recorded notification of the authority");
        }
        rules.raise();
    }

    /** The fields a new entry cannot do without; the rest may follow in phases (Art. 33(4)). */
    static void checkRequired(BreachDraft draft) {
        BreachRules rules = new BreachRules();
        if (draft.nature() == null || draft.nature().isBlank()) {
            rules.error("nature", "is required");
        }
        if (draft.risk() == null) {
            rules.error("risk", "is required: UNLIKELY, RISK or HIGH");
        }
        if (draft.awareAt() == null) {
            rules.error("awareAt", "is required: it starts the 72-hour clock (Art. 33(1))");
        }
        if (draft.approxSubjects() == null) {
            rules.error("approxSubjects", "is required (Art. 33(3)(a)); an estimate will do");
        }
        if (draft.approxRecords() == null) {
            rules.error("approxRecords", "is required (Art. 33(3)(a)); an estimate will do");
        }
        rules.raise();
    }

    static void checkAuthorityNotice(AuthorityNotice notice, Breach breach, Instant now) {
        BreachRules rules = new BreachRules();
        if (notice == null || notice.notifiedAt() == null) {
            rules.error("notifiedAt", "is required");
            rules.raise();
        }
        rules.when("notifiedAt", notice.notifiedAt(), breach, now);
        rules.text("reference", notice.reference(), true, MAX_SHORT);
        rules.text("authority", notice.authority(), false, MAX_SHORT);
        rules.text("lateReasons", notice.lateReasons(), false, MAX_TEXT);
        if (NotificationClock.lateReasonsRequired(breach.awareAt(), notice.notifiedAt())
                && (notice.lateReasons() == null || notice.lateReasons().isBlank())) {
            rules.error("lateReasons", "is required: the notification is more than 72 hours after awareAt (Art. 33(1))");
        }
        rules.raise();
    }

    static void checkSubjectNotice(SubjectNotice notice, Breach breach, Instant now) {
        BreachRules rules = new BreachRules();
        if (notice == null || (notice.notifiedAt() == null) == (notice.exemption() == null)) {
            rules.error("notifiedAt", "give either notifiedAt or exemption");
            rules.raise();
        }
        rules.text("method", notice.method(), notice.exemption() == Exemption.DISPROPORTIONATE_EFFORT, MAX_SHORT);
        rules.text("explanation", notice.explanation(), notice.exemption() != null, MAX_TEXT);
        if (notice.notifiedAt() != null) {
            rules.when("notifiedAt", notice.notifiedAt(), breach, now);
        }
        rules.raise();
    }

    private void when(String field, Instant at, Breach breach, Instant now) {
        if (at.isAfter(now)) {
            error(field, "must not be in the future");
        } else if (at.isBefore(breach.awareAt())) {
            error(field, "must not be before awareAt");
        }
    }

    private void text(String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                error(field, "is required");
            }
        } else if (value.length() > max) {
            error(field, "must be at most " + max + " characters");
        }
    }

    private void categories(String field, List<String> values) {
        if (values.size() > MAX_CATEGORIES) {
            error(field, "must hold at most " + MAX_CATEGORIES + " categories");
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank() || value.length() > MAX_CATEGORY) {
                error(field + "[" + i + "]", "must be 1 to " + MAX_CATEGORY + " characters");
            }
        }
    }

    private void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    private void raise() {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The request has invalid fields.", errors, null);
        }
    }
}

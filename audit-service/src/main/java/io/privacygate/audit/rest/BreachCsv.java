package io.privacygate.audit.rest;

import io.privacygate.audit.api.BreachView;
import io.privacygate.commons.web.CsvTable;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The register as CSV ({@link CsvTable}: RFC 4180, formula-guarded), one row per breach; lists are joined with {@code ;}. */
final class BreachCsv {
    private static final List<String> HEADER = List.of("id", "alertId", "awareAt", "occurredAt", "risk", "nature",
            "dataCategories", "subjectCategories", "approxSubjects", "approxRecords", "consequences", "measures",
            "authorityRequired", "authorityDeadline", "authorityOverdue", "authorityNotifiedAt", "authorityLate",
            "authority", "authorityReference", "lateReasons", "subjectsRequired", "subjectsNotifiedAt", "subjectsMethod",
            "subjectsExemption", "subjectsExplanation", "recordedAt", "recordedBy", "updatedAt");

    private BreachCsv() {
    }

    static String write(List<BreachView> breaches) {
        return CsvTable.write(HEADER, breaches.stream().map(BreachCsv::row).toList());
    }

    private static List<String> row(BreachView b) {
        BreachView.AuthorityView a = b.authorityNotification();
        BreachView.SubjectsView s = b.subjectNotification();
        return Arrays.stream(new Object[]{b.id(), b.alertId(), b.awareAt(), b.occurredAt(), b.risk(), b.nature(),
                        String.join(";", b.dataCategories()), String.join(";", b.subjectCategories()), b.approxSubjects(),
                        b.approxRecords(), b.consequences(), b.measures(), a.required(), a.deadline(), a.overdue(),
                        a.notifiedAt(), a.late(), a.authority(), a.reference(), a.lateReasons(), s.required(),
                        s.notifiedAt(), s.method(), s.exemption(), s.explanation(), b.recordedAt(), b.recordedBy(),
                        b.updatedAt()})
                .map(value -> Objects.toString(value, null))
                .toList();
    }
}

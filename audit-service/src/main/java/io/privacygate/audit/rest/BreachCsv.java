package io.privacygate.audit.rest;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The register as RFC 4180 CSV, one row per breach, CRLF line ends, fields quoted where needed; lists are joined
 * with {@code ;}. Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection); the
 * JSON export keeps the exact text.
 */
final class BreachCsv {
    private static final List<String> HEADER = List.of("id", "alertId", "awareAt", "occurredAt", "risk", "nature",
            "dataCategories", "subjectCategories", "approxSubjects", "approxRecords", "consequences", "measures",
            "authorityRequired", "authorityDeadline", "authorityOverdue", "authorityNotifiedAt", "authorityLate",
            "authority", "authorityReference", "lateReasons", "subjectsRequired", "subjectsNotifiedAt", "subjectsMethod",
            "subjectsExemption", "subjectsExplanation", "recordedAt", "recordedBy", "updatedAt");

    private BreachCsv() {
    }

    static String write(List<BreachView> breaches) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER.stream());
        for (BreachView b : breaches) {
            BreachView.AuthorityView a = b.authorityNotification();
            BreachView.SubjectsView s = b.subjectNotification();
            line(csv, Stream.of(b.id(), b.alertId(), b.awareAt(), b.occurredAt(), b.risk(), b.nature(),
                    String.join(";", b.dataCategories()), String.join(";", b.subjectCategories()), b.approxSubjects(),
                    b.approxRecords(), b.consequences(), b.measures(), a.required(), a.deadline(), a.overdue(),
                    a.notifiedAt(), a.late(), a.authority(), a.reference(), a.lateReasons(), s.required(), s.notifiedAt(),
                    s.method(), s.exemption(), s.explanation(), b.recordedAt(), b.recordedBy(), b.updatedAt()));
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, Stream<?> values) {
        csv.append(values.map(v -> field(v == null ? "" : Objects.toString(v))).collect(Collectors.joining(","))).append("\r\n");
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}

package io.privacygate.consent.service;

import io.privacygate.consent.api.PurposeView;
import io.privacygate.consent.api.Ropa;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The ROPA as CSV (RFC 4180). Lists are joined with {@code "; "}. Cells that a spreadsheet would run as a
 * formula are prefixed with an apostrophe, since the register is opened by people with spreadsheets.
 */
public final class RopaCsv {
    static final List<String> HEADER = List.of("controller", "controllerContact", "key", "version", "title",
            "description", "legalBasis", "legalBasisIri", "dataCategories", "retention", "recipients", "channels",
            "noticeUrl", "noticeVersion", "noticeHash", "gpcApplies", "since");

    private RopaCsv() {
    }

    public static String write(Ropa ropa) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (PurposeView p : ropa.activities()) {
            row(csv, List.of(ropa.controller().name(), ropa.controller().contact(), p.key(),
                    String.valueOf(p.version()), p.title(), nullToEmpty(p.description()), p.legalBasis().name(),
                    p.legalBasisIri(), String.join("; ", p.dataCategories()), p.retention(),
                    String.join("; ", p.recipients()), String.join("; ", p.channels()), nullToEmpty(p.noticeUrl()),
                    nullToEmpty(p.noticeVersion()), nullToEmpty(p.noticeHash()), String.valueOf(p.gpcApplies()),
                    p.createdAt().toString()));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(RopaCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

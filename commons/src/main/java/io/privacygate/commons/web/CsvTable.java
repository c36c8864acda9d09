package io.privacygate.commons.web;

import java.util.List;

/**
 * Rows as RFC 4180 CSV: CRLF line ends, fields quoted where needed. Text that a spreadsheet would run as a formula
 * gets a leading apostrophe (OWASP CSV injection); every download of the suite that opens in a spreadsheet goes
 * through here.
 */
public final class CsvTable {
    private CsvTable() {
    }

    /** The header, then one line a row; a null cell is empty. */
    public static String write(List<String> header, List<? extends List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    /** One cell as it is written: guarded against formulas, then quoted if it must be. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }
}

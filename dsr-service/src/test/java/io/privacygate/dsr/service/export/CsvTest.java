package io.privacygate.dsr.service.export;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void writesAHeaderOfEveryColumnInOrderOfFirstAppearance() {
        String csv = Csv.write(List.of(row("a", 1, "b", "x"), row("c", true, "a", 2)));
        assertThat(csv).isEqualTo("a,b,c\r\n1,x,\r\n2,,true\r\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAsRfc4180Says() {
        String csv = Csv.write(List.of(row("text", "Hello, \"world\"\nbye")));
        assertThat(csv).isEqualTo("text\r\n\"Hello, \"\"world\"\"\nbye\"\r\n");
    }

    @Test
    void writesNestedValuesAsJson() {
        String csv = Csv.write(List.of(row("tags", List.of("a", "b"))));
        assertThat(csv).isEqualTo("tags\r\n\"[\"\"a\"\",\"\"b\"\"]\"\r\n");
    }

    @Test
    void neutralisesTextThatASpreadsheetWouldRunAsAFormula() {
        String csv = Csv.write(List.of(row("message", "=HYPERLINK(\"http://evil\")", "count", 3)));
        assertThat(csv).contains("'=HYPERLINK").endsWith(",3\r\n");
    }

    /** Every cell goes through one guard (commons CsvTable); participants export no negative numbers. */
    @Test
    void guardsANegativeNumberLikeText() {
        assertThat(Csv.write(List.of(row("count", -3)))).isEqualTo("count\r\n'-3\r\n");
    }

    @Test
    void anEmptyRecordSetIsAnEmptyHeader() {
        assertThat(Csv.write(List.of())).isEqualTo("\r\n");
    }
}

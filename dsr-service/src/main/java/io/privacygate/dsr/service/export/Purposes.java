package io.privacygate.dsr.service.export;

import io.privacygate.commons.dsr.DsrExport;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Finds the purposes a subject's data was processed for in exported records, whichever system they came from. */
public final class Purposes {
    /** The field names under which participants name a purpose in their rows. */
    static final Set<String> FIELDS = Set.of("purpose", "purposeKey");

    private Purposes() {
    }

    public static List<String> processedFor(DsrExport export) {
        return processedFor(List.of(export));
    }

    public static List<String> processedFor(Collection<DsrExport> exports) {
        Set<String> purposes = new TreeSet<>();
        for (DsrExport export : exports) {
            if (export.records() == null) {
                continue;
            }
            for (List<Map<String, Object>> rows : export.records().values()) {
                if (rows == null) {
                    continue;
                }
                for (Map<String, Object> row : rows) {
                    FIELDS.stream().map(row::get).filter(Objects::nonNull).map(String::valueOf)
                            .filter(value -> !value.isBlank()).forEach(purposes::add);
                }
            }
        }
        return List.copyOf(purposes);
    }
}

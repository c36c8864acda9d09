package io.privacygate.commons.dsr;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one system holds about a subject (Art. 15/20), decrypted: named record sets, each a list
 * of flat rows, so that dsr-service can write each set as JSON and as CSV.
 */
public record DsrExport(String system, UUID subjectId, Instant exportedAt,
                        Map<String, List<Map<String, Object>>> records) {
}

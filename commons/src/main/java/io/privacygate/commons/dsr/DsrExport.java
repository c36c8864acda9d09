package io.privacygate.commons.dsr;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one system holds about a subject (Art. 15/20), decrypted: named record sets, each a list
 * of flat rows, so that dsr-service can write each set as JSON and as CSV.
 */
@RegisterForReflection // dsr-service stores and reads it as a task result, and writes it into export packages
public record DsrExport(String system, UUID subjectId, Instant exportedAt,
                        Map<String, List<Map<String, Object>>> records) {
}

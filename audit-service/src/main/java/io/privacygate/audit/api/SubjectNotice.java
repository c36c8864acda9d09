package io.privacygate.audit.api;

import io.privacygate.audit.model.Exemption;

import java.time.Instant;

/**
 * The communication to the subjects (Art. 34(1)), or why there was none (Art. 34(3)): either {@code notifiedAt}
 * or {@code exemption}, never both.
 *
 * @param method      how they were told; for {@link Exemption#DISPROPORTIONATE_EFFORT} the public communication
 *                    that informs them instead (Art. 34(3)(c))
 * @param explanation why the exemption applies; required with one
 */
public record SubjectNotice(Instant notifiedAt, String method, Exemption exemption, String explanation) {
}

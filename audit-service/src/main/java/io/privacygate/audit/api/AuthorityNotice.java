package io.privacygate.audit.api;

import java.time.Instant;

/**
 * The notification made to the supervisory authority (Art. 33(1)).
 *
 * @param authority   which authority, if useful (the lead authority of Art. 56, say)
 * @param reference   the authority's case reference
 * @param lateReasons required when {@code notifiedAt} is more than 72 hours after awareness
 */
public record AuthorityNotice(Instant notifiedAt, String authority, String reference, String lateReasons) {
}

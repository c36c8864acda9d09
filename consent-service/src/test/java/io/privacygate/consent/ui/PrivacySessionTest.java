package io.privacygate.consent.ui;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A privacy center session's states, as its sealed cookie carries them. */
class PrivacySessionTest {

    @Test
    void aSessionIsVerifiedOnlyAfterTheCodeAndChangesItsTokenEachStep() {
        Instant now = Instant.parse("2026-12-04T17:00:00Z");
        PrivacySession fresh = PrivacySession.fresh("en", now);
        assertThat(fresh.verified()).isFalse();
        assertThat(fresh.pending()).isFalse();
        PrivacySession pending = fresh.pending(java.util.UUID.randomUUID(), "a@example.org", now);
        assertThat(pending.pending()).isTrue();
        assertThat(pending.verified()).isFalse();
        assertThat(pending.csrf()).isNotEqualTo(fresh.csrf());
        PrivacySession verified = pending.verifiedAt(now, Duration.ofMinutes(30));
        assertThat(verified.verified()).isTrue();
        assertThat(verified.csrf()).isNotEqualTo(pending.csrf());
        assertThat(verified.expired(now.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(verified.toString()).doesNotContain("a@example.org");
        assertThat(verified.signedOut(now).verified()).isFalse();
    }
}

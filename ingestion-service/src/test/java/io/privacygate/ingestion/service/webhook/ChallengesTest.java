package io.privacygate.ingestion.service.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChallengesTest {

    @Test
    void xTokensAreShortSafeAndNoJson() {
        assertThat(Challenges.isXCrcToken("crc-abc")).isTrue();
        assertThat(Challenges.isXCrcToken("Zjk3ZTQ2NGItNjU1Ny00YjMz_LWFh=")).isTrue();
        assertThat(Challenges.isXCrcToken("a".repeat(128))).isTrue();
        assertThat(Challenges.isXCrcToken("a".repeat(129))).isFalse();
        for (String json : new String[]{"0", "123", "-1", "1e5", "-2E-3", "true", "false", "null"}) {
            assertThat(Challenges.isXCrcToken(json)).as(json).isFalse();
        }
        for (String other : new String[]{"", " ", "{\"a\":1}", "[1]", "\"s\"", "a b", "a+b", "a/b", "a.b", null}) {
            assertThat(Challenges.isXCrcToken(other)).as(String.valueOf(other)).isFalse();
        }
    }

    @Test
    void linkedInCodesAreUuids() {
        assertThat(Challenges.isLinkedInChallengeCode("890e4665-4dfe-4ab1-b689-ed553bceeed4")).isTrue();
        assertThat(Challenges.isLinkedInChallengeCode("890E4665-4DFE-4AB1-B689-ED553BCEEED4")).isTrue();
        for (String other : new String[]{"hmacsha256=890e4665-4dfe-4ab1-b689-ed553bceeed4", "890e46654dfe4ab1b689ed553bceeed4",
                "{\"type\":\"x\"}", "123", "", null}) {
            assertThat(Challenges.isLinkedInChallengeCode(other)).as(String.valueOf(other)).isFalse();
        }
    }
}

package io.privacygate.commons.tracing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataRedactionTest {
    @Test
    void aPathKeepsItsWordsAndLosesItsIds() {
        assertThat(PersonalDataRedaction.redactPath("/dsr/v1/subjects/5b0c3f1e-2a6d-4c1e-9f3e-0d6f1c2b3a4d"))
                .isEqualTo("/dsr/v1/subjects/{redacted}");
        assertThat(PersonalDataRedaction.redactPath("/api/v1/contacts/jane%40example.org/interactions?x=1"))
                .isEqualTo("/api/v1/contacts/{redacted}/interactions");
        assertThat(PersonalDataRedaction.redactPath("/webhooks/meta/data-deletion")).isEqualTo("/webhooks/meta/data-deletion");
    }

    @Test
    void anIdIsRedactedWhateverCharacterItBeginsWith() {
        assertThat(PersonalDataRedaction.redactPath("/dsr/v1/subjects/fb0c3f1e-2a6d-4c1e-9f3e-0d6f1c2b3a4d/export"))
                .isEqualTo("/dsr/v1/subjects/{redacted}/export");
        assertThat(PersonalDataRedaction.redactPath("/api/v1/requests/42")).isEqualTo("/api/v1/requests/{redacted}");
    }

    @Test
    void aRouteTemplateNamesThePathWithEveryParameterRedacted() {
        assertThat(PersonalDataRedaction.redactRoute("/api/v1/contacts/{subjectId}/interactions"))
                .isEqualTo("/api/v1/contacts/{redacted}/interactions");
        assertThat(PersonalDataRedaction.redactRoute("/tiles/{tile: .+}")).isEqualTo("/tiles/{redacted}");
    }

    @Test
    void aUrlKeepsItsServiceAndLosesItsQuery() {
        assertThat(PersonalDataRedaction.redactUrl("http://127.0.0.1:8081/api/v1/subjects/12345678?email=jane@example.org"))
                .isEqualTo("http://127.0.0.1:8081/api/v1/subjects/{redacted}");
        assertThat(PersonalDataRedaction.redactUrl("https://graph.example.org?access_token=x#y")).isEqualTo("https://graph.example.org");
        assertThat(PersonalDataRedaction.redactUrl(PersonalDataRedaction.redactUrl("http://h/a/Jane")))
                .isEqualTo("http://h/a/{redacted}");
    }
}

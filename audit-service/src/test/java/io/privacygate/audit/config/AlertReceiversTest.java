package io.privacygate.audit.config;

import io.privacygate.commons.outbox.OutboxConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #18, point 6: alert receivers are outside the suite, so each must be signed with a secret of its own. */
class AlertReceiversTest {
    private static final String SECRET = "whsec_dj2UDGMn5yq5dgZnqtMlfSz8vGaTmqTEx9k22ArMaOM=";

    private static OutboxConfig.Destination destination(OutboxConfig.Auth auth, String secret) {
        return new OutboxConfig.Destination() {
            @Override
            public URI url() {
                return URI.create("https://incident-desk.example/hooks/privacy-gate");
            }

            @Override
            public Optional<String> batchField() {
                return Optional.empty();
            }

            @Override
            public int maxBatch() {
                return 500;
            }

            @Override
            public OutboxConfig.Auth auth() {
                return auth;
            }

            @Override
            public Optional<String> signingSecret() {
                return Optional.ofNullable(secret);
            }
        };
    }

    @Test
    void acceptsSignedReceiversWithASecretAndNoReceiversAtAll() {
        assertThat(AlertReceivers.faults(List.of("incident-desk"),
                Map.of("incident-desk", destination(OutboxConfig.Auth.SIGNED, SECRET)))).isEmpty();
        assertThat(AlertReceivers.faults(List.of(), Map.of())).isEmpty();
    }

    @Test
    void refusesAReceiverThatWouldGetTheSuitesToken() {
        assertThat(AlertReceivers.faults(List.of("siem"), Map.of("siem", destination(OutboxConfig.Auth.SUITE_TOKEN, SECRET))))
                .singleElement().asString()
                .contains("privacy-gate.outbox.destinations.siem.auth").contains("signed");
    }

    @Test
    void refusesAReceiverWithoutASecretOrWithoutADestination() {
        assertThat(AlertReceivers.faults(List.of("incident-desk", "pager"),
                Map.of("incident-desk", destination(OutboxConfig.Auth.SIGNED, null))))
                .containsExactly(
                        "privacy-gate.outbox.destinations.incident-desk.signing-secret is required (whsec_<base64>)",
                        "privacy-gate.outbox.destinations.pager.url is required");
    }

    @Test
    void refusesAnUnusableOrShortSecretWithoutRepeatingIt() {
        for (String unusable : List.of("whsec_not*base64", "not-whsec", "whsec_", "whsec_c2hvcnQtc2VjcmV0")) {
            assertThat(AlertReceivers.faults(List.of("incident-desk"),
                    Map.of("incident-desk", destination(OutboxConfig.Auth.SIGNED, unusable))))
                    .as(unusable).singleElement().asString()
                    .contains("privacy-gate.outbox.destinations.incident-desk.signing-secret").doesNotContain(unusable);
        }
    }
}

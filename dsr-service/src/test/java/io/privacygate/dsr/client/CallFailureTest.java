package io.privacygate.dsr.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

class CallFailureTest {

    @Test
    void clientErrorsArePermanentExceptAStaleTokenATimeoutAndRateLimiting() {
        assertThat(CallFailure.of(new WebApplicationException(400)).permanent()).isTrue();
        assertThat(CallFailure.of(new WebApplicationException(403)).permanent()).isTrue();
        assertThat(CallFailure.of(new WebApplicationException(401)).permanent()).isFalse();
        assertThat(CallFailure.of(new WebApplicationException(408)).permanent()).isFalse();
        assertThat(CallFailure.of(new WebApplicationException(429)).permanent()).isFalse();
    }

    @Test
    void serverErrorsAndConnectionFailuresAreRetried() {
        assertThat(CallFailure.of(new WebApplicationException(503))).isEqualTo(new CallFailure(false, false, "HTTP 503"));
        assertThat(CallFailure.of(new ProcessingException(new ConnectException("refused: 10.0.0.1"))))
                .isEqualTo(new CallFailure(false, false, "ConnectException"));
    }

    @Test
    void aNotFoundIsRecognisedAndMessagesNeverReachTheReason() {
        assertThat(CallFailure.of(new WebApplicationException("someone@example.org not found", 404)))
                .isEqualTo(new CallFailure(true, true, "HTTP 404"));
        assertThat(CallFailure.of(new IllegalStateException("someone@example.org")).reason()).isEqualTo("IllegalStateException");
    }
}

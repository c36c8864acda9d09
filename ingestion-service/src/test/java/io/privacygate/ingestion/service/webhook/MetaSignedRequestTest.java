package io.privacygate.ingestion.service.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class MetaSignedRequestTest {
    private static final String SECRET = "meta-app-secret";
    private static final String PAYLOAD = "{\"algorithm\":\"HMAC-SHA256\",\"expires\":1291840400,\"issued_at\":1291836800,\"user_id\":\"218471\"}";

    @Test
    void aRequestSignedWithTheAppSecretYieldsTheUserId() {
        var request = MetaSignedRequest.verify(SECRET, MetaSignedRequest.sign(SECRET, PAYLOAD));
        assertThat(request).get().extracting(MetaSignedRequest.DeletionRequest::userId).isEqualTo("218471");
        assertThat(request.get().toString()).doesNotContain("218471");
    }

    @Test
    void paddedBase64UrlIsAcceptedToo() {
        String signed = MetaSignedRequest.sign(SECRET, PAYLOAD);
        String payload = signed.substring(signed.indexOf('.') + 1);
        String padded = payload + "=".repeat((4 - payload.length() % 4) % 4);
        String signature = Base64.getUrlEncoder().encodeToString(Hmac.sha256(SECRET, padded.getBytes(StandardCharsets.US_ASCII)));
        assertThat(MetaSignedRequest.verify(SECRET, signature + "." + padded)).isPresent();
    }

    @Test
    void aWrongSecretOrATamperedPayloadFails() {
        String signed = MetaSignedRequest.sign(SECRET, PAYLOAD);
        assertThat(MetaSignedRequest.verify("other", signed)).isEmpty();
        String other = MetaSignedRequest.sign(SECRET, PAYLOAD.replace("218471", "999999"));
        String spliced = signed.substring(0, signed.indexOf('.')) + other.substring(other.indexOf('.'));
        assertThat(MetaSignedRequest.verify(SECRET, spliced)).isEmpty();
    }

    @Test
    void anotherAlgorithmOrNoUserIsRefused() {
        assertThat(MetaSignedRequest.verify(SECRET, MetaSignedRequest.sign(SECRET, PAYLOAD.replace("HMAC-SHA256", "none")))).isEmpty();
        assertThat(MetaSignedRequest.verify(SECRET, MetaSignedRequest.sign(SECRET, "{\"algorithm\":\"HMAC-SHA256\"}"))).isEmpty();
    }

    @Test
    void malformedRequestsAreRefused() {
        assertThat(MetaSignedRequest.verify(SECRET, null)).isEmpty();
        assertThat(MetaSignedRequest.verify(SECRET, "")).isEmpty();
        assertThat(MetaSignedRequest.verify(SECRET, "nodot")).isEmpty();
        assertThat(MetaSignedRequest.verify(SECRET, "a.b.c")).isEmpty();
        assertThat(MetaSignedRequest.verify(SECRET, "!!!.???")).isEmpty();
    }
}

package io.privacygate.testing.vault;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An answer: an HTTP status and a JSON body ({@code null} for 204), in Vault's response envelope. */
record Reply(int status, Object body) {
    static Reply noContent() {
        return new Reply(204, null);
    }

    static Reply data(Object data) {
        return new Reply(200, envelope(data, null));
    }

    static Reply auth(Map<String, Object> auth) {
        return new Reply(200, envelope(null, auth));
    }

    static Reply error(VaultError error) {
        return new Reply(error.status(), Map.of("errors", error.errors()));
    }

    /** Every Vault answer carries these fields beside {@code data} or {@code auth}. */
    static Map<String, Object> envelope(Object data, Map<String, Object> auth) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", UUID.randomUUID().toString());
        body.put("lease_id", "");
        body.put("renewable", false);
        body.put("lease_duration", 0);
        body.put("data", data);
        body.put("wrap_info", null);
        body.put("warnings", null);
        body.put("auth", auth);
        return body;
    }
}

package io.privacygate.testing.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

/** Raw HTTP to Vault's API with the JDK client, as the documentation's curl samples do: no Vault client involved. */
final class VaultHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String url;

    VaultHttp(String url) {
        this.url = url;
    }

    record Answer(int status, JsonNode body) {
        JsonNode data() {
            return body.path("data");
        }

        JsonNode errors() {
            return body.path("errors");
        }
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null);
    }

    Answer post(String path, String token, Map<String, ?> payload) {
        return send("POST", path, token, payload);
    }

    Answer send(String method, String path, String token, Map<String, ?> payload) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/v1/" + path))
                    .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(payload)));
            if (token != null) {
                request.header("X-Vault-Token", token);
            }
            return answer(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer withHeader(String path, String header, String value) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/" + path)).header(header, value).GET().build();
            return answer(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer answer(HttpResponse<String> response) throws IOException {
        JsonNode body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), body);
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static byte[] unb64(String text) {
        return Base64.getDecoder().decode(text);
    }
}

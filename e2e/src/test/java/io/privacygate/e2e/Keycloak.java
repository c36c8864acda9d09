package io.privacygate.e2e;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.util.Map;

/** Real tokens from the suite's Keycloak (realm privacy-gate). */
final class Keycloak {
    static final String URL = "http://127.0.0.1:8180";
    private static final String TOKEN = URL + "/realms/privacy-gate/protocol/openid-connect/token";

    private Keycloak() {
    }

    /** A demo user's token (password grant, enabled in the dev realm's operator-console client only). */
    static String user(String username) {
        return token(Map.of("grant_type", "password", "client_id", "operator-console",
                "username", username, "password", "demo"));
    }

    /** A service's own token (client credentials with its dev secret). */
    static String service(String clientId) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientId + "-secret"));
    }

    /**
     * A token Keycloak really issued and that has really expired: a throwaway client whose tokens live one
     * second is created through the admin API (bootstrap admin of this machine's dev Keycloak).
     */
    static String expired() throws InterruptedException {
        String admin = RestAssured.given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))
                .post(URL + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String clientId = "e2e-expiry-" + System.nanoTime();
        RestAssured.given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("clientId", clientId, "publicClient", false, "secret", "expiry-secret",
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                        "attributes", Map.of("access.token.lifespan", "1")))
                .post(URL + "/admin/realms/privacy-gate/clients")
                .then().statusCode(201);
        String token = token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "expiry-secret"));
        Thread.sleep(2_500);
        return token;
    }

    private static String token(Map<String, String> form) {
        JsonPath answer = RestAssured.given().formParams(form).post(TOKEN).then().statusCode(200).extract().jsonPath();
        return answer.getString("access_token");
    }
}

package io.privacygate.e2e;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

/** Real tokens from the suite's Keycloak (realm privacy-gate). */
final class Keycloak {
    static final String URL = "http://127.0.0.1:8180";
    private static final String TOKEN = URL + "/realms/privacy-gate/protocol/openid-connect/token";
    private static final String ADMIN = URL + "/admin/realms/privacy-gate";

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
     * second, and name all four services (so that only the expiry is wrong), is created through the admin API.
     */
    static String expired() throws InterruptedException {
        String clientId = "e2e-expiry-" + System.nanoTime();
        createClient(Map.of("clientId", clientId, "publicClient", false, "secret", "expiry-secret",
                "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "attributes", Map.of("access.token.lifespan", "1"),
                "protocolMappers", List.of(audience("consent-service"), audience("ingestion-service"),
                        audience("dsr-service"), audience("audit-service"))));
        String token = token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "expiry-secret"));
        Thread.sleep(2_500);
        return token;
    }

    /**
     * A client-credentials token of a confidential client made now through the admin API, whose service account
     * holds the realm role {@code role} and which has no audience mapper: another client of the realm, holding the
     * right role but meant for no service of the suite.
     */
    @SuppressWarnings("unchecked")
    static String newClientHolding(String role) {
        String admin = admin();
        String clientId = "e2e-" + role + "-" + System.nanoTime();
        String id = createClient(Map.of("clientId", clientId, "publicClient", false, "secret", "e2e-secret",
                "serviceAccountsEnabled", true, "standardFlowEnabled", false, "directAccessGrantsEnabled", false));
        String serviceAccount = RestAssured.given().auth().oauth2(admin)
                .get(ADMIN + "/clients/" + id + "/service-account-user").then().statusCode(200).extract().path("id");
        Map<String, Object> realmRole = RestAssured.given().auth().oauth2(admin)
                .get(ADMIN + "/roles/" + role).then().statusCode(200).extract().as(Map.class);
        RestAssured.given().auth().oauth2(admin).contentType("application/json").body(List.of(realmRole))
                .post(ADMIN + "/users/" + serviceAccount + "/role-mappings/realm").then().statusCode(204);
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "e2e-secret"));
    }

    /** Creates a client in the realm privacy-gate and answers its id (not its clientId). */
    private static String createClient(Map<String, Object> client) {
        String location = RestAssured.given().auth().oauth2(admin()).contentType("application/json").body(client)
                .post(ADMIN + "/clients").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** An audience mapper naming {@code service} in access tokens, as the dev realm's clients have. */
    private static Map<String, Object> audience(String service) {
        return Map.of("name", "audience " + service, "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.client.audience", service, "access.token.claim", "true", "id.token.claim", "false"));
    }

    /** The bootstrap admin of this machine's dev Keycloak (master realm, admin-cli). */
    private static String admin() {
        return RestAssured.given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))
                .post(URL + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String token(Map<String, String> form) {
        JsonPath answer = RestAssured.given().formParams(form).post(TOKEN).then().statusCode(200).extract().jsonPath();
        return answer.getString("access_token");
    }
}

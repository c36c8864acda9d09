package io.privacygate.testing;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The people of the realm as the services' tests call them, and the requests those tests start from. A service's
 * own fixtures extend this class and add the service accounts and bodies of its API.
 */
public class Callers {
    protected Callers() {
    }

    public static String dpo() {
        return TestTokens.user("dpo");
    }

    public static String operator() {
        return TestTokens.user("privacy-operator");
    }

    public static String auditor() {
        return TestTokens.user("auditor");
    }

    public static String crmAgent() {
        return TestTokens.user("crm-agent");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /** An address no other test uses, so that tests share one app and one database. */
    public static String email() {
        return "someone." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}

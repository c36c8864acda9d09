package io.privacygate.ingestion;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for LinkedIn's Lead Sync API (a third party): {@code GET /rest/leadFormResponses/{id}} answers a registered
 * response in the documented shape ({@code id}, {@code submittedAt}, {@code versionedLeadGenFormUrn},
 * {@code formResponse.answers[].answerDetails.textQuestionAnswer.answer} by {@code questionId},
 * {@code formResponse.consentResponses[].consentId/accepted}); {@code GET /rest/leadForms/{id}} answers the form with its
 * {@code content.questions} ({@code questionId}, {@code name}, {@code predefinedField}) and {@code content.consents}.
 * 404 for an unknown one, 401 without the access token or the {@code LinkedIn-Version} header.
 */
public class LinkedInApiStub implements QuarkusTestResourceLifecycleManager {
    public static final String ACCESS_TOKEN = "stub-linkedin-access-token";
    public static final String FORM_ID = "5150";
    /** The form's consent checkboxes: 31 is mapped to a purpose in the test profile, 32 is not. */
    public static final String MAPPED_CHECKBOX = "31";
    public static final String UNMAPPED_CHECKBOX = "32";
    private static final Map<String, String> RESPONSES = new ConcurrentHashMap<>();
    private static final AtomicInteger RESPONSE_REQUESTS = new AtomicInteger();
    private HttpServer server;

    /** Registers a response with an e-mail, a name, one free-text answer and the two checkboxes as given. */
    public static void response(String responseId, String email, String company, boolean mappedChecked, boolean unmappedChecked) {
        RESPONSES.put(responseId, "{\"owner\":{\"sponsoredAccount\":\"urn:li:sponsoredAccount:520866471\"},"
                + "\"submitter\":\"urn:li:person:AbCdEf123\",\"leadType\":\"SPONSORED\",\"testLead\":false,"
                + "\"versionedLeadGenFormUrn\":\"urn:li:versionedLeadGenForm:(urn:li:leadGenForm:" + FORM_ID + ",2)\","
                + "\"id\":\"" + responseId + "\",\"submittedAt\":" + System.currentTimeMillis() + ","
                + "\"associatedEntity\":{\"associatedCreative\":\"urn:li:sponsoredCreative:6166\"},"
                + "\"formResponse\":{\"answers\":["
                + answer(1, email) + "," + answer(2, "Lina") + "," + answer(3, "Lead") + "," + answer(4, company) + "],"
                + "\"consentResponses\":[{\"consentId\":" + MAPPED_CHECKBOX + ",\"accepted\":" + mappedChecked + "},"
                + "{\"consentId\":" + UNMAPPED_CHECKBOX + ",\"accepted\":" + unmappedChecked + "}]}}");
    }

    private static String answer(int questionId, String value) {
        return "{\"questionId\":" + questionId + ",\"answerDetails\":{\"textQuestionAnswer\":{\"answer\":\"" + value + "\"}}}";
    }

    private static final String FORM = "{\"id\":" + FORM_ID + ",\"versionId\":2,\"name\":\"Whitepaper\",\"state\":\"PUBLISHED\","
            + "\"owner\":{\"sponsoredAccount\":\"urn:li:sponsoredAccount:520866471\"},\"content\":{\"questions\":["
            + "{\"questionId\":1,\"name\":\"email\",\"predefinedField\":\"EMAIL\",\"question\":{\"localized\":{\"en_US\":\"Email\"}}},"
            + "{\"questionId\":2,\"name\":\"firstName\",\"predefinedField\":\"FIRST_NAME\",\"question\":{\"localized\":{\"en_US\":\"First name\"}}},"
            + "{\"questionId\":3,\"name\":\"lastName\",\"predefinedField\":\"LAST_NAME\",\"question\":{\"localized\":{\"en_US\":\"Last name\"}}},"
            + "{\"questionId\":4,\"name\":\"company\",\"predefinedField\":\"COMPANY_NAME\",\"question\":{\"localized\":{\"en_US\":\"Company\"}}}],"
            + "\"consents\":[{\"consentId\":" + MAPPED_CHECKBOX + ",\"required\":false,\"content\":{\"localized\":{\"en_US\":\"Send me offers\"}}},"
            + "{\"consentId\":" + UNMAPPED_CHECKBOX + ",\"required\":false,\"content\":{\"localized\":{\"en_US\":\"Share with partners\"}}}]}}";

    /** Lead form responses asked for so far. */
    public static int responseRequests() {
        return RESPONSE_REQUESTS.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/rest/", this::answer);
        server.start();
        return Map.of("privacy-gate.platforms.linkedin.api-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/rest",
                "privacy-gate.platforms.linkedin.access-token", ACCESS_TOKEN);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        String body = null;
        if (path.startsWith("/rest/leadFormResponses/")) {
            RESPONSE_REQUESTS.incrementAndGet();
            body = RESPONSES.get(path.substring("/rest/leadFormResponses/".length()));
        } else if (path.equals("/rest/leadForms/" + FORM_ID)) {
            body = FORM;
        }
        if (!("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || exchange.getRequestHeaders().getFirst("LinkedIn-Version") == null) {
            send(exchange, 401, "{\"status\":401,\"serviceErrorCode\":65600,\"code\":\"INVALID_ACCESS_TOKEN\",\"message\":\"Invalid access token\"}");
        } else if (body == null) {
            send(exchange, 404, "{\"status\":404,\"code\":\"NOT_FOUND\",\"message\":\"Not found\"}");
        } else {
            send(exchange, 200, body);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

package io.privacygate.consent.rest;

import io.privacygate.testing.LogCapture;
import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import static io.privacygate.consent.rest.Fixtures.anonymous;
import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.consent;
import static io.privacygate.consent.rest.Fixtures.createConsentPurpose;
import static io.privacygate.consent.rest.Fixtures.dsrExecutor;
import static io.privacygate.consent.rest.Fixtures.email;
import static io.privacygate.consent.rest.Fixtures.identifiers;
import static io.privacygate.consent.rest.Fixtures.operator;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.record;
import static io.privacygate.consent.rest.Fixtures.resolve;
import static io.privacygate.consent.rest.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

/** Every log record written while calls carry an e-mail address, at DEBUG where we can, must not contain it. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class NoPiiInLogsTest {
    private static final List<String> VERBOSE = List.of("io.privacygate", "org.jboss.resteasy.reactive",
            "io.quarkus.resteasy.reactive", "io.quarkus.rest", "io.quarkus.oidc", "io.quarkus.security", "io.quarkus.vertx.http");

    private final Map<String, Level> levels = new HashMap<>();
    LogCapture log;

    @BeforeEach
    void capture() {
        log = startCapture();
        for (String category : VERBOSE) {
            Logger logger = LogContext.getLogContext().getLogger(category);
            levels.put(category, logger.getLevel());
            logger.setLevel(Level.FINE);
        }
    }

    /** Each record as a plain line; {@link NoPiiInJsonLogsTest} takes them as the JSON lines of prod. */
    LogCapture startCapture() {
        return LogCapture.start();
    }

    @AfterEach
    void release() {
        log.close();
        levels.forEach((category, level) -> LogContext.getLogContext().getLogger(category).setLevel(level));
    }

    @Test
    void noCallWritesTheAddressItCarries() {
        String email = email();
        UUID subject = resolve(email);
        String purpose = createConsentPurpose("1");

        as(writer()).body(Map.of("identifiers", identifiers(email, email() + "@@"))).post("/api/v1/subjects/resolve")
                .then().statusCode(400);
        as(writer()).body(Map.of("identifiers", identifiers(email, resolveAnother()))).post("/api/v1/subjects/resolve")
                .then().statusCode(409);
        as(writer()).body(Map.of("identifiers", identifiers(email + "@@"))).post("/api/v1/subjects/resolve").then().statusCode(400);
        as(writer()).body("{\"identifiers\":[{\"type\":\"email\",\"value\":\"" + email + "\"}").post("/api/v1/subjects/resolve")
                .then().statusCode(400);
        as(writer()).body("{\"identifiers\":[{\"type\":\"email\",\"value\":{\"nested\":\"" + email + "\"}}]}")
                .post("/api/v1/subjects/resolve").then().statusCode(400);
        anonymous().body(Map.of("identifiers", identifiers(email))).post("/api/v1/subjects/resolve").then().statusCode(401);
        as(writer()).body(Map.of("people", List.of(Map.of("identifiers", identifiers(email)),
                        Map.of("identifiers", identifiers(email, resolveAnother())))))
                .post("/api/v1/subjects/resolve/batch").then().statusCode(200);
        as(writer()).body(Map.of("people", List.of(Map.of("identifiers", identifiers(email + "@@")))))
                .post("/api/v1/subjects/resolve/batch").then().statusCode(400);

        Map<String, Object> byIdentifiers = consent(null, purpose, "GRANTED", "1");
        byIdentifiers.remove("subjectId");
        byIdentifiers.put("identifiers", identifiers(email));
        record(byIdentifiers).then().statusCode(201);
        record(byIdentifiers).then().statusCode(409);
        byIdentifiers.put("purpose", "no-such-purpose");
        record(byIdentifiers).then().statusCode(422);

        Map<String, Object> query = new LinkedHashMap<>();
        query.put("identifiers", identifiers(email));
        query.put("purpose", purpose);
        query.put("channel", "email");
        as(reader()).body(query).post("/api/v1/decisions").then().statusCode(200);
        as(reader()).body(Map.of("queries", List.of(query, Map.of("identifiers", identifiers(email + "@@"), "purpose", purpose,
                "channel", "email")))).post("/api/v1/decisions/batch").then().statusCode(400);

        as(operator()).get("/api/v1/subjects/" + subject).then().statusCode(200);
        as(dsrExecutor()).get("/dsr/v1/subjects/" + subject).then().statusCode(200);
        as(dsrExecutor()).body(Map.of("identifiers", identifiers(email.toUpperCase()))).patch("/dsr/v1/subjects/" + subject)
                .then().statusCode(200);
        as(dsrExecutor()).delete("/dsr/v1/subjects/" + subject).then().statusCode(200);

        assertThat(log.lines()).isNotEmpty();
        assertThat(log.lines()).allSatisfy(line -> assertThat(line).doesNotContainIgnoringCase(email)
                .doesNotContainIgnoringCase(email.substring(0, email.indexOf('@'))));
    }

    private static String resolveAnother() {
        String other = "other." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        resolve(other);
        return other;
    }
}

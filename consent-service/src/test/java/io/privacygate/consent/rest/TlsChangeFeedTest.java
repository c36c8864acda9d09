package io.privacygate.consent.rest;

import io.agroal.api.AgroalDataSource;
import io.privacygate.consent.tls.TlsPostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.privacygate.consent.rest.Fixtures.as;
import static io.privacygate.consent.rest.Fixtures.contractPurpose;
import static io.privacygate.consent.rest.Fixtures.createPurpose;
import static io.privacygate.consent.rest.Fixtures.decision;
import static io.privacygate.consent.rest.Fixtures.newSubject;
import static io.privacygate.consent.rest.Fixtures.reader;
import static io.privacygate.consent.rest.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Issue #18, point 10: the decision cache's change feed (its LISTEN connection) honours the datasource's TLS
 * settings, against a PostgreSQL that refuses every connection without TLS and a service that trusts only that
 * server's certificate ({@code verify-full}).
 */
@QuarkusTest
@WithTestResource(TlsPostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TlsChangeFeedTest {
    private static final String FEED = "select count(*) from pg_stat_activity a join pg_stat_ssl s on s.pid = a.pid "
            + "where a.datname = current_database() and a.query ilike 'LISTEN%' and s.ssl";

    @Inject
    AgroalDataSource db;

    @Test
    void theFeedListensOverTls() throws InterruptedException {
        awaitTheFeed();
        assertThat(Db.count(db, "select count(*) from pg_stat_activity a join pg_stat_ssl s on s.pid = a.pid "
                + "where a.datname = current_database() and a.backend_type = 'client backend' and not s.ssl"))
                .as("connections without TLS").isZero();
    }

    /**
     * A change written behind the service's back is not seen while the cache holds the answer (so the cache is
     * live, which it only is while the feed is up); its notification then drops it.
     */
    @Test
    void aNotifiedChangeDropsTheCachedDecision() throws InterruptedException {
        awaitTheFeed();
        UUID subject = newSubject();
        String billing = (String) createPurpose(contractPurpose(unique("billing"))).get("key");
        decide(decision(subject, billing, "email")).body("permitted", is(true));

        Db.execute(db, "update subject set restricted = true where id = ?", subject);
        decide(decision(subject, billing, "email")).body("permitted", is(true));

        Db.execute(db, "select pg_notify('consent_state_changes', ?)", "s:" + subject);
        String reason = null;
        for (int attempt = 0; attempt < 100 && !"SUBJECT_RESTRICTED".equals(reason); attempt++) {
            Thread.sleep(50);
            reason = decide(decision(subject, billing, "email")).extract().path("reason");
        }
        assertThat(reason).isEqualTo("SUBJECT_RESTRICTED");
    }

    private void awaitTheFeed() throws InterruptedException {
        long feeds = 0;
        for (int attempt = 0; attempt < 100 && feeds == 0; attempt++) {
            feeds = Db.count(db, FEED);
            if (feeds == 0) {
                Thread.sleep(100);
            }
        }
        assertThat(feeds).as("LISTEN connections over TLS").isEqualTo(1);
    }

    private static ValidatableResponse decide(Map<String, Object> query) {
        return as(reader()).body(query).post("/api/v1/decisions").then().statusCode(200);
    }
}

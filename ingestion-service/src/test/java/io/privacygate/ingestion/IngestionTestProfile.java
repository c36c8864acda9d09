package io.privacygate.ingestion;

import io.privacygate.testing.PeerService;
import io.privacygate.testing.PostgresTestResource;
import io.privacygate.testing.ServiceAccountTokens;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One application for every {@code @QuarkusTest} of the module (Quarkus restarts only between profiles):
 * embedded PostgreSQL, the OIDC test server, a real consent-service run from its packaged jar behind
 * {@link ConsentServiceStub} (which answers its batch resolve), a stub of Meta's Graph API, a stand-in for LinkedIn's Lead Sync API, one for X's batch compliance API, and a real
 * dsr-service when its jar has been built.
 */
public class IngestionTestProfile implements QuarkusTestProfile {
    public static final String META_SECRET = "test-meta-app-secret";
    public static final String META_VERIFY_TOKEN = "test-meta-verify-token";
    public static final String LINKEDIN_SECRET = "test-linkedin-client-secret";
    public static final String X_SECRET = "test-x-consumer-secret";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class),
                new TestResourceEntry(OidcWiremockTestResource.class),
                new TestResourceEntry(GraphApiStub.class),
                new TestResourceEntry(LinkedInApiStub.class),
                new TestResourceEntry(XApiStub.class),
                new TestResourceEntry(PeerService.class, Map.of("service", "consent-service",
                        "url-property", ConsentServiceStub.PEER_URL_PROPERTY)),
                new TestResourceEntry(ConsentServiceStub.class),
                new TestResourceEntry(OptionalDsrPeer.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(Map.ofEntries(Map.entry("privacy-gate.platforms.meta.app-secret", META_SECRET),
                Map.entry("privacy-gate.platforms.meta.verify-token", META_VERIFY_TOKEN),
                Map.entry("privacy-gate.platforms.linkedin.client-secret", LINKEDIN_SECRET),
                Map.entry("privacy-gate.platforms.x.consumer-secret", X_SECRET),
                // LinkedIn lead form checkbox 31 asks for the leads purpose; 32 is mapped to nothing
                Map.entry("privacy-gate.platforms.linkedin.lead-consents." + LinkedInApiStub.MAPPED_CHECKBOX, Fixtures.LEADS),
                Map.entry("privacy-gate.ingestion.public-url", "https://ingestion.example.org"),
                // the scheduled purges run every second, so that tests see them
                Map.entry("privacy-gate.ingestion.retention.every", "1s"),
                Map.entry("privacy-gate.ingestion.inbox.housekeeping-every", "1s"),
                Map.entry("privacy-gate.ingestion.deletion-callbacks.every", "1s")));
        // The peers know their callers by the token's azp and aud, as the realm issues them.
        config.putAll(ServiceAccountTokens.oidcClientConfig("ingestion-service"));
        return config;
    }
}

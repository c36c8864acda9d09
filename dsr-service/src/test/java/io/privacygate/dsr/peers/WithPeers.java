package io.privacygate.dsr.peers;

import io.privacygate.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.List;
import java.util.Map;

/** dsr-service with the real participants running beside it. */
public class WithPeers implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class), new TestResourceEntry(OidcWiremockTestResource.class),
                new TestResourceEntry(Peers.class));
    }

    /** The notification webhook points nowhere here; its relay's retries would drown the log. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.log.category.\"io.privacygate.commons.outbox\".level", "ERROR");
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}

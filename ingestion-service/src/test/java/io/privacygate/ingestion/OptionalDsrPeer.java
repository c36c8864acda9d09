package io.privacygate.ingestion;

import io.privacygate.testing.PackagedJars;
import io.privacygate.testing.PeerService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real dsr-service (run by {@link PeerService} from its packaged jar) when that jar has been built, else an
 * address where nothing listens, so that deletion callbacks are seen to wait. The full reactor builds
 * dsr-service after this module, so there the jar is missing and the tests that need it are skipped.
 */
public class OptionalDsrPeer implements QuarkusTestResourceLifecycleManager {
    private static final String URL_PROPERTY = "privacy-gate.ingestion.dsr-url";
    private PeerService peer;

    @Override
    public Map<String, String> start() {
        if (!PackagedJars.isBuilt("dsr-service")) {
            return Map.of(URL_PROPERTY, "http://127.0.0.1:9");
        }
        peer = new PeerService();
        peer.init(Map.of("service", "dsr-service", "url-property", URL_PROPERTY));
        return peer.start();
    }

    @Override
    public void stop() {
        if (peer != null) {
            peer.stop();
        }
    }
}

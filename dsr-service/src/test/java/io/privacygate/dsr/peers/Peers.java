package io.privacygate.dsr.peers;

import io.privacygate.testing.PackagedJars;
import io.privacygate.testing.PeerService;
import io.privacygate.testing.ServiceAccountTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real participants, from their packaged jars: audit-service first, so that the others send it their
 * audit events; then consent-service; then ingestion-service, which resolves subjects in that consent-service.
 * Each peer learns the others' URLs as it starts, which is why they are started here in order rather than as
 * three independent test resources. Nothing points at a fixed port, so nothing reaches a suite running on
 * this machine. dsr-service and every peer take their tokens from {@link ServiceAccountTokens}, shaped as the
 * realm issues them, so each service knows who calls it (audit-service takes the sender from the token).
 */
public class Peers implements QuarkusTestResourceLifecycleManager {
    public static final String AUDIT = "audit-service";
    public static final String CONSENT = "consent-service";
    public static final String INGESTION = "ingestion-service";
    /** Peers run from a snapshot of their packaged app (see {@link #snapshot}); PeerService knows them by this path. */
    private static final String SNAPSHOTS = "dsr-service/target/peer-apps/";
    private static final String NOWHERE = "http://127.0.0.1:1";

    private final List<PeerService> started = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.putAll(peer(AUDIT, "privacy-gate.dsr.participants.audit-service.url", Map.of()));
        String events = url(AUDIT) + "/api/v1/events";
        config.putAll(peer(CONSENT, "privacy-gate.dsr.consent.url", Map.of(
                "privacy-gate.outbox.destinations.audit.url", events,
                "privacy-gate.outbox.destinations.ingestion.url", NOWHERE + "/internal/v1/consent-changes")));
        config.putAll(peer(INGESTION, "privacy-gate.dsr.participants.ingestion-service.url", Map.of(
                "privacy-gate.outbox.destinations.audit.url", events,
                "privacy-gate.ingestion.consent-url", url(CONSENT),
                "privacy-gate.ingestion.dsr-url", NOWHERE)));
        config.put("privacy-gate.outbox.destinations.audit.url", events);
        config.put("privacy-gate.outbox.relay-enabled", "true");
        config.putAll(ServiceAccountTokens.oidcClientConfig("dsr-service"));
        return config;
    }

    private Map<String, String> peer(String service, String urlProperty, Map<String, String> peerConfig) {
        snapshot(service);
        PeerService peer = new PeerService();
        Map<String, String> args = new LinkedHashMap<>();
        args.put("service", SNAPSHOTS + service);
        args.put("url-property", urlProperty);
        args.put("config.quarkus.log.level", "WARN");
        peerConfig.forEach((key, value) -> args.put("config." + key, value));
        peer.init(args);
        Map<String, String> config = peer.start();
        started.add(0, peer);
        return config;
    }

    public static String url(String service) {
        return PeerService.url(SNAPSHOTS + service);
    }

    public static void stop(String service) {
        PeerService.stop(SNAPSHOTS + service);
    }

    public static void restart(String service) {
        PeerService.restart(SNAPSHOTS + service);
    }

    /**
     * Copies the peer's packaged app under this module's target, and PeerService runs the copy: the peer's own
     * module may be rebuilt while the tests run, and a JVM whose jars change under it can hang when it stops.
     */
    static void snapshot(String service) {
        PackagedJars.copy(service, Path.of("target", "peer-apps", service, "target", "quarkus-app"));
    }

    @Override
    public void stop() {
        started.forEach(peer -> peer.stop());
        started.clear();
    }
}

package io.privacygate.audit.rest;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Low thresholds, so that a handful of events fires each rule, and a webhook receiver for the alerts. */
public class DetectionProfile implements QuarkusTestProfile {
    public static final int MAX_SUBJECTS = 3;
    public static final int MAX_DENIALS = 4;
    public static final int MAX_FAILURES = 2;
    /** Two more senders, so that crypto failures (keyed by the sending service) have keys no other test touches. */
    public static final String FAILING_SERVICE = "failing-service";
    public static final String CALM_SERVICE = "calm-service";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "privacy-gate.audit.detection.bulk-read.max-subjects", Integer.toString(MAX_SUBJECTS),
                "privacy-gate.audit.detection.denied-burst.max-denials", Integer.toString(MAX_DENIALS),
                "privacy-gate.audit.detection.crypto-failures.max-failures", Integer.toString(MAX_FAILURES),
                "privacy-gate.audit.detection.receivers", "incident-desk",
                "privacy-gate.audit.senders", String.join(",", "consent-service", "ingestion-service", "dsr-service",
                        FAILING_SERVICE, CALM_SERVICE));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AlertReceiver.class));
    }
}

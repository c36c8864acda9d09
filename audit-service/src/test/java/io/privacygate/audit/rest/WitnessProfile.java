package io.privacygate.audit.rest;

import io.privacygate.testing.Witness;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Two witnesses of {@code testing/} and the policy "1 of 2". */
public class WitnessProfile implements QuarkusTestProfile {
    static final String ORIGIN = "privacy-gate.local/audit-log";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Witnesses.class));
    }

    /** Starts the witnesses before the service, which is configured with their URLs and keys. */
    public static class Witnesses implements QuarkusTestResourceLifecycleManager {
        static Witness first;
        static Witness second;

        @Override
        public Map<String, String> start() {
            first = Witness.start("witness.example/w1", ORIGIN);
            second = Witness.start("witness.example/w2", ORIGIN);
            return Map.of(
                    "privacy-gate.audit.witnesses.w1.url", first.url().toString(),
                    "privacy-gate.audit.witnesses.w1.key", first.verifierKey(),
                    "privacy-gate.audit.witnesses.w2.url", second.url().toString(),
                    "privacy-gate.audit.witnesses.w2.key", second.verifierKey(),
                    "privacy-gate.audit.witness-policy.quorum", "1");
        }

        @Override
        public void stop() {
            first.close();
            second.close();
        }
    }
}

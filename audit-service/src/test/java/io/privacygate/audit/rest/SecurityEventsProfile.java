package io.privacygate.audit.rest;

import java.util.HashMap;
import java.util.Map;

/** {@link DetectionProfile}'s thresholds, with the service's own refusals reported every second instead of every minute. */
public class SecurityEventsProfile extends DetectionProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("privacy-gate.security-events.interval", "1s");
        return overrides;
    }
}

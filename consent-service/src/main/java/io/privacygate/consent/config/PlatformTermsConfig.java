package io.privacygate.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.List;
import java.util.Map;

/**
 * The platforms' own use limits (#21 point 4): {@code privacy-gate.platform-terms.<channel>.<source-kind>=<purpose>,...}.
 * A channel with any entry is limited: its content serves only the purposes listed for its kind. A channel without
 * entries is not limited by this (its terms do not limit purposes per kind of content).
 */
@ConfigMapping(prefix = "privacy-gate.platform-terms")
public interface PlatformTermsConfig {

    /** Channel, then source kind (wire name), then the purpose keys it may serve. */
    @WithParentName
    Map<String, Map<String, List<String>>> channels();
}

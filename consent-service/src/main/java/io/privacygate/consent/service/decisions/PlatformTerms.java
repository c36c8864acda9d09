package io.privacygate.consent.service.decisions;

import io.privacygate.consent.api.SourceKind;
import io.privacygate.consent.config.PlatformTermsConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which purposes each kind of a platform's content may serve under that platform's terms (#21 point 4), from
 * {@code privacy-gate.platform-terms.*}. Read once at start: the limits are part of the deployment, like the purposes'
 * channels. A source kind that is not a {@link SourceKind} stops the service at start.
 */
@ApplicationScoped
public class PlatformTerms {
    private final Map<String, Map<SourceKind, Set<String>>> limits;

    PlatformTerms(PlatformTermsConfig config) {
        this.limits = parse(config.channels());
    }

    /**
     * Whether the channel's terms let this kind of content serve the purpose: always on a channel without limits;
     * never without a source kind on a channel with limits (fail closed: nothing says the use is one they allow).
     */
    public boolean allow(String channel, SourceKind kind, String purpose) {
        Map<SourceKind, Set<String>> channelLimits = limits.get(channel);
        if (channelLimits == null) {
            return true;
        }
        return kind != null && channelLimits.getOrDefault(kind, Set.of()).contains(purpose);
    }

    /** The limits in force, by channel and source kind, for the ROPA. */
    public Map<String, Map<SourceKind, Set<String>>> limits() {
        return limits;
    }

    private static Map<String, Map<SourceKind, Set<String>>> parse(Map<String, Map<String, List<String>>> configured) {
        Map<String, Map<SourceKind, Set<String>>> parsed = new TreeMap<>();
        configured.forEach((channel, kinds) -> {
            Map<SourceKind, Set<String>> byKind = new EnumMap<>(SourceKind.class);
            kinds.forEach((kind, purposes) -> {
                try {
                    byKind.put(SourceKind.fromWireName(kind), Set.copyOf(purposes));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("privacy-gate.platform-terms." + channel + "." + kind
                            + ": not a source kind (comment, post, message, mention, lead-form)", e);
                }
            });
            parsed.put(channel, byKind);
        });
        return Collections.unmodifiableMap(parsed);
    }
}

package io.privacygate.commons.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The limits every API answers with a problem+json (413, 414, 431). Vert.x's own limits
 * ({@code quarkus.http.limits.*}) are set higher, as a backstop: what they refuse gets Vert.x's bare answer, since
 * Quarkus offers no hook into its HTTP decoder (quarkusio/quarkus#55082).
 */
@ConfigMapping(prefix = "privacy-gate.http")
public interface HttpLimits {
    /** The largest request body an API accepts, declared (Content-Length) or streamed (chunked). */
    @WithDefault("256K")
    MemorySize maxBodySize();

    /** The longest request target (path and query, as sent), in bytes. */
    @WithDefault("4K")
    MemorySize maxUriLength();

    /** The most header bytes (names and values) a request may carry. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();
}

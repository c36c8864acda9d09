package io.privacygate.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** consent-service settings. The controller's identity has no default in prod: receipts must name it. */
@ConfigMapping(prefix = "privacy-gate.consent")
public interface ConsentConfig {

    /** Outbox destinations told about every consent event (e.g. {@code ingestion}); each must be configured. */
    Optional<List<String>> subscribers();

    Controller controller();

    Receipts receipts();

    Decisions decisions();

    Evidence evidence();

    /** Who is responsible for the processing (Art. 13(1)(a), Art. 30(1)(a)): named in receipts and the ROPA. */
    interface Controller {
        String name();

        String contact();
    }

    interface Receipts {
        /** The {@code iss} of signed consent receipts. */
        @WithDefault("urn:privacy-gate:consent-service")
        String issuer();
    }

    interface Decisions {
        /** How many subjects' decision state one replica keeps in memory. */
        @WithDefault("1000000")
        long cacheMaxSubjects();

        /**
         * A backstop only: changes reach every replica at once through LISTEN/NOTIFY, and while the
         * listener is down the cache is bypassed. This bounds the life of an entry regardless.
         */
        @WithDefault("PT30M")
        Duration cacheMaxAge();
    }

    interface Evidence {
        /** How far in the future a {@code capturedAt} may be, for clocks that disagree a little. */
        @WithDefault("PT5M")
        Duration maxClockSkew();
    }

}

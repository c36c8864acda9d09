package io.privacygate.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    PrivacyCenter privacyCenter();

    Ropa ropa();

    /** Who is responsible for the processing (Art. 13(1)(a), Art. 30(1)(a)): named in receipts and the ROPA. */
    interface Controller {
        String name();

        String contact();

        /** The controller's representative in the Union (Art. 27), where it has one (Art. 30(1)(a)). */
        Optional<String> representative();

        /** The data protection officer's contact (Art. 30(1)(a), Art. 37(7)); none in prod until configured. */
        String dpoContact();
    }

    /** The Art. 30(1) items the purpose register does not hold (#20 point 9). */
    interface Ropa {
        /** Art. 30(1)(c): the categories of data subjects. */
        @WithDefault("customers,prospects,people who interact with the company's social media pages,"
                + "people who submit lead forms,people who file data subject requests")
        List<String> subjectCategories();

        /**
         * Art. 30(1)(e): transfers to third countries or international organisations, by recipient: {@code
         * privacy-gate.consent.ropa.transfers.<recipient>.country} and {@code .safeguard} (Art. 46, e.g. the 2021/914
         * standard contractual clauses, or an Art. 45 adequacy decision). None by default.
         */
        Map<String, Transfer> transfers();

        /** Art. 30(1)(g): a general description of the technical and organisational security measures (Art. 32(1)). */
        @WithDefault("Personal data encrypted at rest under a key per data subject (AES-256-GCM, envelope encryption with "
                + "key-encryption keys in Vault Transit or a local keyring, rotated on a schedule); erasure by "
                + "crypto-shredding; identifiers looked up by keyed blind index only; TLS between services and to the "
                + "database; single sign-on with role-based access, every endpoint authenticated and authorised; "
                + "every change and disclosure in a tamper-evident audit log (RFC 6962 Merkle tree, signed checkpoints); "
                + "no personal data in logs")
        String securityMeasures();

        interface Transfer {
            String country();

            String safeguard();
        }
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


    /** The privacy center at {@code /privacy}: data subjects' own pages (issue #10). */
    interface PrivacyCenter {
        /** Languages the pages and notices are offered in; the first is the default. */
        @WithDefault("en,de")
        List<String> languages();

        /**
         * dsr-service, where the requests subjects file are sent (with this service's client-credentials token); the
         * REST client {@code quarkus.rest-client.dsr.url} is this, and prod refuses to start without it.
         */
        String dsrUrl();

        Codes codes();

        Limits limits();

        /** How long a verified session lasts, from the moment the code was entered. */
        @WithDefault("PT30M")
        Duration sessionTimeout();

        /**
         * Whether the session cookie is {@code Secure}: {@code auto} when the request came over https (behind a
         * proxy, with {@code quarkus.http.proxy.*} set), {@code always}, or {@code never}.
         */
        @WithDefault("auto")
        String secureCookie();

        interface Codes {
            @WithDefault("6")
            int length();

            @WithDefault("PT10M")
            Duration ttl();

            /** Wrong codes allowed before the code is void and a new one must be asked for. */
            @WithDefault("5")
            int maxAttempts();

            /**
             * Wrong codes allowed per address (by its blind index) and UTC day, whatever the code and session; past
             * them the address is locked until midnight UTC, so that new codes do not bring new guesses
             * (docs/decisions/0011).
             */
            @WithDefault("10")
            int maxFailuresPerDay();
        }

        /** Codes asked for per fixed window, counted in the database so that every replica shares them. */
        interface Limits {
            @WithDefault("PT1H")
            Duration window();

            /** Codes per e-mail address (by its blind index) and window. */
            @WithDefault("5")
            int perAddress();

            /** Codes per client IP address (by its keyed pseudonym) and window. */
            @WithDefault("20")
            int perIp();
        }
    }
}

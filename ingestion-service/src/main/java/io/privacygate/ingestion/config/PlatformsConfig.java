package io.privacygate.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets each platform signs its deliveries with. They come from Kubernetes secrets in production;
 * the prod profile has no defaults, so a service without them refuses to start.
 */
@ConfigMapping(prefix = "privacy-gate.platforms")
public interface PlatformsConfig {

    Meta meta();

    LinkedIn linkedin();

    X x();

    interface Meta {
        /** Signs {@code X-Hub-Signature-256} and the data deletion callback's {@code signed_request}. */
        String appSecret();

        /** What Meta must send as {@code hub.verify_token} when it subscribes the webhook. */
        String verifyToken();

        /** The Graph API, asked for a lead's {@code field_data} when a {@code leadgen} change arrives. */
        @WithDefault("https://graph.facebook.com/v21.0")
        URI graphUrl();

        /** A page access token allowed to read leads; without it, leads wait until one is configured. */
        Optional<String> accessToken();

        /**
         * How old a data deletion callback's {@code signed_request} may be ({@code issued_at}). Meta signs the
         * request when it calls; an hour covers its retries and clock differences, while a captured request
         * cannot be replayed later (an older one is a 401).
         */
        @WithDefault("1h")
        Duration signedRequestMaxAge();
    }

    interface LinkedIn {
        /** Answers the {@code challengeCode} and signs {@code X-LI-Signature}. */
        String clientSecret();

        /** LinkedIn's versioned Marketing API, asked for a lead form response and its form when a lead notification arrives. */
        @WithDefault("https://api.linkedin.com/rest")
        URI apiUrl();

        /** A token with {@code r_marketing_leadgen_automation}; without it, LinkedIn leads wait until one is configured. */
        Optional<String> accessToken();

        /** The {@code LinkedIn-Version} (YYYYMM) every call names; LinkedIn supports each version for about a year. */
        @WithDefault("202611")
        String apiVersion();

        /**
         * Which purpose each lead form consent checkbox asks for, by the checkbox's {@code consentId}: a ticked checkbox
         * mapped here is recorded as a grant of that purpose in consent-service; an unticked or unmapped one records nothing.
         */
        Map<String, String> leadConsents();
    }

    interface X {
        /** Answers the {@code crc_token} and signs {@code x-twitter-webhooks-signature}. */
        String consumerSecret();

        /** X API v2, asked by reconciliation through batch compliance jobs ({@code /2/compliance/jobs}). */
        @WithDefault("https://api.x.com")
        URI apiUrl();

        /** The app-only bearer token the compliance endpoints require; without it, X is not reconciled. */
        Optional<String> bearerToken();
    }
}

package io.privacygate.dsr.client;

import io.privacygate.dsr.config.DsrConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * The peers the operator console reads on behalf of the signed-in person (consent-service, audit-service). Every
 * call carries that person's own access token, never dsr-service's: the peer decides by the person's roles.
 */
@ApplicationScoped
public class ConsoleClients {
    private final ConsentOperatorApi consent;
    private final AuditApi audit;

    ConsoleClients(DsrConfig config) {
        this.consent = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.consent().url())
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build(ConsentOperatorApi.class);
        this.audit = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.console().auditUrl())
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(120, TimeUnit.SECONDS)
                .build(AuditApi.class);
    }

    public ConsentOperatorApi consent() {
        return consent;
    }

    public AuditApi audit() {
        return audit;
    }
}

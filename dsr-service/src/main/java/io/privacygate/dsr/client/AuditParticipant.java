package io.privacygate.dsr.client;

import io.privacygate.commons.dsr.DsrParticipant;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** audit-service as a DSR participant, called with dsr-service's own token ({@code quarkus.rest-client.audit.*}). */
@RegisterRestClient(configKey = "audit")
@OidcClientFilter
public interface AuditParticipant extends DsrParticipant {
}

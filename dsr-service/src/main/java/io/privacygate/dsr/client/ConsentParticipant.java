package io.privacygate.dsr.client;

import io.privacygate.commons.dsr.DsrParticipant;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** consent-service as a DSR participant, called with dsr-service's own token ({@code quarkus.rest-client.consent.*}). */
@RegisterRestClient(configKey = "consent")
@OidcClientFilter
public interface ConsentParticipant extends DsrParticipant {
}

package io.privacygate.ingestion.rest;

import io.privacygate.commons.dsr.DsrParticipantDocs;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;

/**
 * Gives the DSR contract's operations {@link DsrResource}'s own texts (see {@link DsrParticipantDocs}). It names
 * {@code OASFilter} itself because Quarkus registers an {@code @OpenApiFilter} class only when it declares the interface.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 100)
public class ParticipantApiDocs extends DsrParticipantDocs implements OASFilter {
    public ParticipantApiDocs() {
        super(DsrResource.class);
    }
}

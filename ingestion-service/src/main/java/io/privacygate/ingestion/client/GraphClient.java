package io.privacygate.ingestion.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.ingestion.config.PlatformsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Fetches a lead's answers ({@code field_data}), which a {@code leadgen} webhook does not carry. */
@ApplicationScoped
public class GraphClient {
    private static final String LEAD_FIELDS = "id,created_time,ad_id,form_id,field_data";
    private final GraphApi api;
    private final PlatformsConfig platforms;

    GraphClient(@RestClient GraphApi api, PlatformsConfig platforms) {
        this.api = api;
        this.platforms = platforms;
    }

    public Uni<JsonNode> leadFieldData(String leadId) {
        if (platforms.meta().accessToken().isEmpty()) {
            return Uni.createFrom().failure(new LeadUnavailableException(null));
        }
        return api.lead("Bearer " + platforms.meta().accessToken().get(), leadId, LEAD_FIELDS)
                .map(lead -> lead.path("field_data"))
                .onFailure(e -> Failures.status(e) == 404 || Failures.status(e) == 400).transform(e -> new LeadGoneException())
                .onFailure(e -> !(e instanceof LeadGoneException)).transform(LeadUnavailableException::new);
    }
}

package io.privacygate.ingestion.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.ingestion.config.PlatformsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches what a LinkedIn lead notification names by URN only: the lead form response, and the form whose questions say
 * what each answer is. Gone (404): {@link LinkedInObjectGoneException}; anything else, or no access token configured:
 * {@link LinkedInUnavailableException}, and the delivery waits.
 */
@ApplicationScoped
public class LinkedInClient {
    private static final String RESTLI_PROTOCOL = "2.0.0";
    private static final Pattern FORM_ID = Pattern.compile("urn:li:leadGenForm:(\\d+)");
    private final LinkedInApi api;
    private final PlatformsConfig platforms;

    LinkedInClient(@RestClient LinkedInApi api, PlatformsConfig platforms) {
        this.api = api;
        this.platforms = platforms;
    }

    /** The response and its form ({@code versionedLeadGenFormUrn} names it). */
    public Uni<LeadFormResponse> leadFormResponse(String responseId) {
        return call(token -> api.leadFormResponse(token, version(), RESTLI_PROTOCOL, responseId))
                .chain(response -> {
                    Matcher form = FORM_ID.matcher(response.path("versionedLeadGenFormUrn").asText(""));
                    if (!form.find()) {
                        return Uni.createFrom().failure(new LinkedInObjectGoneException());
                    }
                    return call(token -> api.leadForm(token, version(), RESTLI_PROTOCOL, form.group(1)))
                            .map(definition -> new LeadFormResponse(response, form.group(1), definition));
                });
    }

    private Uni<JsonNode> call(Function<String, Uni<JsonNode>> request) {
        if (platforms.linkedin().accessToken().isEmpty()) {
            return Uni.createFrom().failure(new LinkedInUnavailableException(null));
        }
        return request.apply("Bearer " + platforms.linkedin().accessToken().get())
                .onFailure(e -> Failures.status(e) == 404).transform(e -> new LinkedInObjectGoneException())
                .onFailure(e -> !(e instanceof LinkedInObjectGoneException)).transform(LinkedInUnavailableException::new);
    }

    private String version() {
        return platforms.linkedin().apiVersion();
    }

    /** A lead form response as LinkedIn answers it, and the form (by its id) it answers. */
    public record LeadFormResponse(JsonNode response, String formId, JsonNode form) {
        @Override
        public String toString() {
            return "LeadFormResponse[formId=" + formId + "]";
        }
    }
}

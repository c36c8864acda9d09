package io.privacygate.ingestion.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.ingestion.config.PlatformsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Fetches what a webhook names by id only: a lead's answers ({@code field_data}), which a {@code leadgen} change does not
 * carry, and the comment an Instagram {@code mentions} change names.
 */
@ApplicationScoped
public class GraphClient {
    private static final String LEAD_FIELDS = "id,created_time,ad_id,form_id,field_data";
    private static final String MENTIONED_COMMENT_FIELDS = "id,text,timestamp,from";
    private final GraphApi api;
    private final PlatformsConfig platforms;

    GraphClient(@RestClient GraphApi api, PlatformsConfig platforms) {
        this.api = api;
        this.platforms = platforms;
    }

    /**
     * The comment in which the Instagram account was @mentioned, with the IG Comment fields {@code id}, {@code text},
     * {@code timestamp} and {@code from} (IGSID and username: the id its comments webhook also names), through the
     * IG User's {@code mentioned_comment} field: the comment itself cannot be read by anyone but its owner.
     */
    public Uni<JsonNode> mentionedComment(String igUserId, String commentId) {
        if (platforms.meta().accessToken().isEmpty()) {
            return Uni.createFrom().failure(new GraphUnavailableException(null));
        }
        return api.igUser("Bearer " + platforms.meta().accessToken().get(), igUserId,
                        "mentioned_comment.comment_id(" + commentId + "){" + MENTIONED_COMMENT_FIELDS + "}")
                .map(user -> user.path("mentioned_comment"))
                .onFailure(e -> Failures.status(e) == 404 || Failures.status(e) == 400).transform(e -> new GraphObjectGoneException())
                .onFailure(e -> !(e instanceof GraphObjectGoneException)).transform(GraphUnavailableException::new);
    }

    public Uni<JsonNode> leadFieldData(String leadId) {
        if (platforms.meta().accessToken().isEmpty()) {
            return Uni.createFrom().failure(new GraphUnavailableException(null));
        }
        return api.lead("Bearer " + platforms.meta().accessToken().get(), leadId, LEAD_FIELDS)
                .map(lead -> lead.path("field_data"))
                .onFailure(e -> Failures.status(e) == 404 || Failures.status(e) == 400).transform(e -> new GraphObjectGoneException())
                .onFailure(e -> !(e instanceof GraphObjectGoneException)).transform(GraphUnavailableException::new);
    }
}

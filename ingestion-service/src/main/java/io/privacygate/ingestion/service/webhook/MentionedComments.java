package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.commons.identity.Identifier;
import io.privacygate.ingestion.model.Channel;
import io.privacygate.ingestion.model.Field;
import io.privacygate.ingestion.model.SocialEvent;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An Instagram comment that @mentions the account, as the IG User {@code mentioned_comment} field returns it
 * ({@code id}, {@code text}, {@code timestamp}, {@code from}: the author's Instagram-scoped id and username, as the
 * {@code comments} webhook names a commenter). A comment without {@code from.id} identifies nobody and is skipped.
 */
public final class MentionedComments {
    private MentionedComments() {
    }

    /** The mention completed with its author and text; with no identifier when the Graph API named no author. */
    public static SocialEvent complete(SocialEvent mention, JsonNode comment) {
        String authorId = Json.text(comment.path("from"), "id");
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Json.putIfPresent(fields, Field.HANDLE, Json.text(comment.path("from"), "username"));
        Json.putIfPresent(fields, Field.TEXT, Json.text(comment, "text"));
        List<Identifier> author = authorId == null ? List.of()
                : List.of(new Identifier(Channel.INSTAGRAM.identifierType(), authorId));
        return mention.withMentionedComment(author, authorId == null ? Map.of() : fields);
    }
}

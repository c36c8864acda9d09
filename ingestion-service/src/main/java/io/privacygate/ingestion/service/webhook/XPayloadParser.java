package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.commons.identity.Identifier;

import io.privacygate.ingestion.model.Action;
import io.privacygate.ingestion.model.Channel;
import io.privacygate.ingestion.model.EventKind;
import io.privacygate.ingestion.model.Field;
import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.model.SocialEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * X's Account Activity payloads, {@code {"for_user_id":"...", "tweet_create_events":[...],
 * "tweet_delete_events":[...], "direct_message_events":[...], "users":{...}}}. Tweets by others that reply to or
 * mention the account become comments and mentions (other tweets delivered, such as quotes, become posts); direct
 * messages received become direct messages. {@code tweet_delete_events} ({@code {"status":{"id","user_id"},
 * "timestamp_ms"}}) become removals of those tweets. The account's own tweets and messages, and every other event
 * array (likes, follows, typing indicators), are left out.
 * <p>
 * A {@code user_event} with a {@code revoke} ({@code {"revoke":{"date_time","target":{"app_id"},"source":{"user_id"}}}})
 * says that the user took the app's authorisation back and X deleted the subscription: it carries no events, only
 * the account revoked ({@link #revokedAccount}).
 */
public class XPayloadParser implements PayloadParser {

    @Override
    public Platform platform() {
        return Platform.X;
    }

    @Override
    public List<SocialEvent> parse(JsonNode root, Instant receivedAt) {
        Json.requireObject(root, "");
        String accountId = Json.text(root, "for_user_id");
        if (accountId == null && revokedAccount(root).isPresent()) {
            return List.of();
        }
        if (accountId == null) {
            throw new UnsupportedPayloadException("for_user_id", "is required: not an Account Activity payload");
        }
        List<SocialEvent> events = new ArrayList<>();
        JsonNode tweets = Json.array(root, "tweet_create_events", "");
        if (tweets != null) {
            for (JsonNode tweet : tweets) {
                tweet(tweet, accountId, receivedAt, events);
            }
        }
        JsonNode deletions = Json.array(root, "tweet_delete_events", "");
        if (deletions != null) {
            for (JsonNode deletion : deletions) {
                String id = Json.text(deletion.path("status"), "id");
                if (id != null) {
                    events.add(ItemChanges.of(Platform.X, Channel.X, EventKind.POST, id,
                            Json.epoch(deletion, "timestamp_ms", receivedAt), Action.DELETE, null));
                }
            }
        }
        JsonNode messages = Json.array(root, "direct_message_events", "");
        if (messages != null) {
            for (JsonNode message : messages) {
                directMessage(message, accountId, root.path("users"), receivedAt, events);
            }
        }
        return events;
    }

    @Override
    public Optional<String> account(JsonNode root) {
        return Optional.ofNullable(Json.text(root, "for_user_id"));
    }

    @Override
    public Optional<String> revokedAccount(JsonNode root) {
        return Optional.ofNullable(Json.text(root.path("user_event").path("revoke").path("source"), "user_id"));
    }

    private static void tweet(JsonNode tweet, String accountId, Instant receivedAt, List<SocialEvent> events) {
        String id = Json.text(tweet, "id_str");
        String authorId = Json.text(tweet.path("user"), "id_str");
        if (id == null || authorId == null || authorId.equals(accountId)) {
            return;
        }
        EventKind kind;
        if (accountId.equals(Json.text(tweet, "in_reply_to_user_id_str"))) {
            kind = EventKind.COMMENT;
        } else if (mentions(tweet, accountId)) {
            kind = EventKind.MENTION;
        } else {
            kind = EventKind.POST;
        }
        String text = tweet.path("truncated").asBoolean(false)
                ? Json.text(tweet.path("extended_tweet"), "full_text") : Json.text(tweet, "text");
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Json.putIfPresent(fields, Field.NAME, Json.text(tweet.path("user"), "name"));
        Json.putIfPresent(fields, Field.HANDLE, Json.text(tweet.path("user"), "screen_name"));
        Json.putIfPresent(fields, Field.TEXT, text != null ? text : Json.text(tweet, "text"));
        Instant time = Json.epoch(tweet, "timestamp_ms", Json.xTime(Json.text(tweet, "created_at"), receivedAt));
        events.add(new SocialEvent(Platform.X, Channel.X, kind, id, time,
                List.of(new Identifier(Channel.X.identifierType(), authorId)), fields, Map.of(),
                Json.context(tweet, "in_reply_to_status_id_str"), null));
    }

    private static boolean mentions(JsonNode tweet, String accountId) {
        for (JsonNode mention : tweet.path("entities").path("user_mentions")) {
            if (accountId.equals(Json.text(mention, "id_str"))) {
                return true;
            }
        }
        return false;
    }

    private static void directMessage(JsonNode event, String accountId, JsonNode users, Instant receivedAt,
                                      List<SocialEvent> events) {
        JsonNode create = event.path("message_create");
        String id = Json.text(event, "id");
        String senderId = Json.text(create, "sender_id");
        if (!"message_create".equals(Json.text(event, "type")) || id == null || senderId == null
                || senderId.equals(accountId)) {
            return;
        }
        JsonNode sender = users.path(senderId);
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Json.putIfPresent(fields, Field.NAME, Json.text(sender, "name"));
        Json.putIfPresent(fields, Field.HANDLE, Json.text(sender, "screen_name"));
        Json.putIfPresent(fields, Field.TEXT, Json.text(create.path("message_data"), "text"));
        events.add(new SocialEvent(Platform.X, Channel.X, EventKind.DIRECT_MESSAGE, id,
                Json.epoch(event, "created_timestamp", receivedAt),
                List.of(new Identifier(Channel.X.identifierType(), senderId)), fields, Map.of(), Map.of(), null));
    }
}

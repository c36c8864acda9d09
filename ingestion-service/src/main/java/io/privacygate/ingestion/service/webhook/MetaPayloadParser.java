package io.privacygate.ingestion.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.privacygate.commons.identity.Identifier;

import io.privacygate.ingestion.model.Action;
import io.privacygate.ingestion.model.Channel;
import io.privacygate.ingestion.model.EventKind;
import io.privacygate.ingestion.model.Field;
import io.privacygate.ingestion.model.LeadData;
import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.model.SocialEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Meta's webhook payloads, {@code {"object":"page"|"instagram","entry":[...]}}:
 * <ul>
 *   <li>Page {@code feed} changes: visitors' comments ({@code item=comment}) and posts when added ({@code verb=add}),
 *   edited ({@code edited}, and {@code edit}, which Meta also sends for edited visitor posts) or removed ({@code remove},
 *   {@code delete}): the verbs of the Webhooks reference for Pages. A removal is taken whoever removed the item (its
 *   author or a page moderator): either way the item is gone at the source;</li>
 *   <li>Page {@code mention} changes, added or removed;</li>
 *   <li>Page {@code leadgen} changes ({@code leadgen_id}, {@code page_id}, {@code form_id}, {@code ad_id},
 *   {@code created_time}): the answers are fetched from the Graph API later;</li>
 *   <li>Messenger and Instagram {@code messaging} (messages received, not echoes of the account's own);</li>
 *   <li>Instagram {@code comments} and {@code live_comments} changes;</li>
 *   <li>Instagram {@code mentions} changes on a comment ({@code {"comment_id","media_id"}}): ids only, the comment and who
 *   wrote it are fetched from the Graph API later ({@link SocialEvent#awaitsMentionedComment}). A mention in a media
 *   caption ({@code media_id} alone) is left out: the Graph API does not say who wrote the caption by an id this
 *   service can link to a person.</li>
 * </ul>
 * In imports a line may also be a lead as the Graph API returns it ({@code id}, {@code created_time},
 * {@code form_id}, {@code ad_id}, {@code field_data}).
 */
public class MetaPayloadParser implements PayloadParser {
    private static final Set<String> POST_ITEMS = Set.of("post", "status", "photo", "video", "share");
    private static final Set<String> EDITED = Set.of("edited", "edit");
    private static final Set<String> REMOVED = Set.of("remove", "delete");

    @Override
    public Platform platform() {
        return Platform.META;
    }

    @Override
    public List<SocialEvent> parse(JsonNode root, Instant receivedAt) {
        Json.requireObject(root, "");
        String object = Json.text(root, "object");
        if (object == null && root.has("field_data")) {
            return List.of(graphLead(root, receivedAt));
        }
        boolean page = "page".equals(object);
        if (!page && !"instagram".equals(object)) {
            throw new UnsupportedPayloadException("object", "is not a supported object type (page, instagram)");
        }
        JsonNode entries = Json.array(root, "entry", "");
        if (entries == null) {
            throw new UnsupportedPayloadException("entry", "is required");
        }
        List<SocialEvent> events = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String path = "entry[" + i + "].";
            Json.requireObject(entry, path.substring(0, path.length() - 1));
            String accountId = Json.text(entry, "id");
            Instant entryTime = Json.epoch(entry, "time", receivedAt);
            JsonNode messaging = Json.array(entry, "messaging", path);
            if (messaging != null) {
                for (JsonNode message : messaging) {
                    message(message, accountId, page ? Channel.MESSENGER : Channel.INSTAGRAM, entryTime, events);
                }
            }
            JsonNode changes = Json.array(entry, "changes", path);
            if (changes != null) {
                for (int j = 0; j < changes.size(); j++) {
                    JsonNode change = changes.get(j);
                    String changePath = path + "changes[" + j + "].";
                    Json.requireObject(change, changePath.substring(0, changePath.length() - 1));
                    change(page, Json.text(change, "field"), change.path("value"), changePath + "value.", accountId,
                            entryTime, events);
                }
            }
        }
        return events;
    }

    private void change(boolean page, String field, JsonNode value, String path, String accountId, Instant time,
                        List<SocialEvent> events) {
        if (field == null) {
            throw new UnsupportedPayloadException(path.replace("value.", "field"), "is required");
        }
        if (page) {
            switch (field) {
                case "feed" -> feed(value, accountId, time, events);
                case "mention" -> mention(value, accountId, time, events);
                case "leadgen" -> events.add(leadgen(value, path, time));
                default -> {
                    // other page fields (ratings, reactions, page settings) are not collected
                }
            }
        } else if ("comments".equals(field) || "live_comments".equals(field)) {
            instagramComment(value, accountId, time, events);
        } else if ("mentions".equals(field)) {
            instagramMention(value, accountId, time, events);
        }
    }

    /** Messages received; echoes of the account's own messages and receipts without a message are skipped. */
    private static void message(JsonNode messaging, String accountId, Channel channel, Instant entryTime,
                                List<SocialEvent> events) {
        JsonNode message = messaging.path("message");
        String senderId = Json.text(messaging.path("sender"), "id");
        String mid = Json.text(message, "mid");
        if (!message.isObject() || mid == null || senderId == null || senderId.equals(accountId)
                || message.path("is_echo").asBoolean(false)) {
            return;
        }
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Json.putIfPresent(fields, Field.TEXT, Json.text(message, "text"));
        events.add(new SocialEvent(Platform.META, channel, EventKind.DIRECT_MESSAGE, mid,
                Json.epoch(messaging, "timestamp", entryTime),
                List.of(new Identifier(channel.identifierType(), senderId)), fields, Map.of(),
                Json.context(messaging.path("recipient"), "id"), null));
    }

    private static void feed(JsonNode value, String pageId, Instant time, List<SocialEvent> events) {
        String item = Json.text(value, "item");
        Action action = action(Json.text(value, "verb"));
        String fromId = Json.text(value.path("from"), "id");
        EventKind kind;
        String eventId;
        if ("comment".equals(item)) {
            kind = EventKind.COMMENT;
            eventId = Json.text(value, "comment_id");
        } else if (POST_ITEMS.contains(item)) {
            kind = EventKind.POST;
            eventId = Json.text(value, "post_id");
        } else {
            return;
        }
        if (action == null || eventId == null) {
            return;
        }
        Instant at = Json.epoch(value, "created_time", time);
        if (action != Action.CREATE) {
            events.add(ItemChanges.of(Platform.META, Channel.FACEBOOK, kind, eventId, at, action, Json.text(value, "message")));
            return;
        }
        if (fromId == null || fromId.equals(pageId)) {
            return;
        }
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Json.putIfPresent(fields, Field.NAME, Json.text(value.path("from"), "name"));
        Json.putIfPresent(fields, Field.TEXT, Json.text(value, "message"));
        events.add(new SocialEvent(Platform.META, Channel.FACEBOOK, kind, eventId,
                at, List.of(new Identifier(Channel.FACEBOOK.identifierType(), fromId)),
                fields, Map.of(), Json.context(value, "post_id", "parent_id"), null));
    }

    /** @return null for a verb that changes nothing stored here (hide, block, follow, ...) */
    private static Action action(String verb) {
        if ("add".equals(verb)) {
            return Action.CREATE;
        }
        if (EDITED.contains(verb)) {
            return Action.EDIT;
        }
        return REMOVED.contains(verb) ? Action.DELETE : null;
    }

    private static void mention(JsonNode value, String pageId, Instant time, List<SocialEvent> events) {
        String senderId = first(Json.text(value, "sender_id"), Json.text(value.path("from"), "id"));
        String eventId = first(Json.text(value, "comment_id"), Json.text(value, "post_id"));
        String verb = Json.text(value, "verb");
        if (eventId != null && REMOVED.contains(verb)) {
            events.add(ItemChanges.of(Platform.META, Channel.FACEBOOK, EventKind.MENTION, eventId,
                    Json.epoch(value, "created_time", time), Action.DELETE, null));
            return;
        }
        if (senderId == null || eventId == null || senderId.equals(pageId) || (verb != null && !"add".equals(verb))) {
            return;
        }
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Json.putIfPresent(fields, Field.NAME, first(Json.text(value, "sender_name"), Json.text(value.path("from"), "name")));
        Json.putIfPresent(fields, Field.TEXT, Json.text(value, "message"));
        events.add(new SocialEvent(Platform.META, Channel.FACEBOOK, EventKind.MENTION, eventId,
                Json.epoch(value, "created_time", time), List.of(new Identifier(Channel.FACEBOOK.identifierType(), senderId)),
                fields, Map.of(), Json.context(value, "post_id"), null));
    }

    /** A lead ad submission: only ids arrive; who the lead is comes from the Graph API. */
    private static SocialEvent leadgen(JsonNode value, String path, Instant time) {
        Json.requireObject(value, path.substring(0, path.length() - 1));
        String leadId = Json.required(value, "leadgen_id", path);
        return new SocialEvent(Platform.META, Channel.FACEBOOK, EventKind.LEAD_FORM, leadId,
                Json.epoch(value, "created_time", time), List.of(), Map.of(), Map.of(),
                Json.context(value, "page_id", "form_id", "ad_id", "adgroup_id"), leadId);
    }

    private static SocialEvent graphLead(JsonNode lead, Instant receivedAt) {
        String leadId = Json.required(lead, "id", "");
        LeadData data = LeadForms.fromFieldData(lead.path("field_data"));
        return new SocialEvent(Platform.META, Channel.FACEBOOK, EventKind.LEAD_FORM, leadId,
                Json.graphTime(lead, "created_time", receivedAt), data.identifiers(), data.fields(), data.answers(),
                Json.context(lead, "form_id", "ad_id"), null);
    }

    private static void instagramComment(JsonNode value, String accountId, Instant time, List<SocialEvent> events) {
        String fromId = Json.text(value.path("from"), "id");
        String commentId = Json.text(value, "id");
        if (fromId == null || commentId == null || fromId.equals(accountId)) {
            return;
        }
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Json.putIfPresent(fields, Field.HANDLE, Json.text(value.path("from"), "username"));
        Json.putIfPresent(fields, Field.TEXT, Json.text(value, "text"));
        Map<String, String> context = Json.context(value.path("media"), "id");
        events.add(new SocialEvent(Platform.META, Channel.INSTAGRAM, EventKind.COMMENT, commentId, time,
                List.of(new Identifier(Channel.INSTAGRAM.identifierType(), fromId)), fields, Map.of(),
                context.isEmpty() ? Map.of() : Map.of("media_id", context.get("id")), null));
    }

    /** Who mentioned the account, and what they wrote, come from the Graph API: the change carries ids only. */
    private static void instagramMention(JsonNode value, String accountId, Instant time, List<SocialEvent> events) {
        String commentId = Json.text(value, "comment_id");
        if (commentId == null || accountId == null) {
            return;
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put(SocialEvent.MENTIONED_ACCOUNT, accountId);
        context.putAll(Json.context(value, "media_id"));
        events.add(new SocialEvent(Platform.META, Channel.INSTAGRAM, EventKind.MENTION, commentId, time, List.of(),
                Map.of(), Map.of(), context, null));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}

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

/**
 * LinkedIn's organization social action notifications,
 * {@code {"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[...]}}, deduplicated by
 * {@code notificationId}. Members' {@code COMMENT}s become comments, {@code SHARE_MENTION}s mentions and
 * {@code SHARE}s posts, with the text LinkedIn decorates them with; each is the item named by its
 * {@code generatedActivity} (the comment's or share's URN). A {@code COMMENT_DELETE} removes the item it names in
 * {@code generatedActivity}, whoever deleted it. Likes, the organization's own comments and actions by organizations
 * rather than members are left out.
 * <p>
 * Lead Sync's lead notifications, {@code {"type":"LEAD_ACTION","leadGenFormResponse":"urn:li:leadGenFormResponse:…",
 * "leadGenForm":…,"leadAction":"CREATED","leadType":…,"occurredAt":…}}, name a lead form response only: it becomes a lead
 * form event whose answers are fetched from LinkedIn's API later ({@code LinkedInLeads}), deduplicated by
 * the response id. Other lead actions are left out.
 */
public class LinkedInPayloadParser implements PayloadParser {
    static final String TYPE = "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS";
    static final String LEAD_TYPE = "LEAD_ACTION";
    private static final String LEAD_RESPONSE = "urn:li:leadGenFormResponse:";
    private static final String MEMBER = "urn:li:person:";
    private static final String DELETED_COMMENT = "COMMENT_DELETE";

    @Override
    public Platform platform() {
        return Platform.LINKEDIN;
    }

    @Override
    public List<SocialEvent> parse(JsonNode root, Instant receivedAt) {
        Json.requireObject(root, "");
        if (LEAD_TYPE.equals(Json.text(root, "type"))) {
            return lead(root, receivedAt);
        }
        if (!TYPE.equals(Json.text(root, "type"))) {
            throw new UnsupportedPayloadException("type", "is not a supported notification type (" + TYPE + ", " + LEAD_TYPE + ")");
        }
        JsonNode notifications = Json.array(root, "notifications", "");
        if (notifications == null) {
            throw new UnsupportedPayloadException("notifications", "is required");
        }
        List<SocialEvent> events = new ArrayList<>();
        for (int i = 0; i < notifications.size(); i++) {
            JsonNode notification = notifications.get(i);
            Json.requireObject(notification, "notifications[" + i + "]");
            notification(notification, "notifications[" + i + "].", receivedAt, events);
        }
        return events;
    }

    /** A new lead form response: ids only; the answers, and so who the lead is, come from LinkedIn's API. */
    private static List<SocialEvent> lead(JsonNode root, Instant receivedAt) {
        String response = Json.required(root, "leadGenFormResponse", "");
        if (!response.startsWith(LEAD_RESPONSE) || response.length() == LEAD_RESPONSE.length()) {
            throw new UnsupportedPayloadException("leadGenFormResponse", "is not a lead form response URN");
        }
        if (!"CREATED".equals(Json.text(root, "leadAction"))) {
            return List.of();
        }
        String responseId = response.substring(LEAD_RESPONSE.length());
        return List.of(new SocialEvent(Platform.LINKEDIN, Channel.LINKEDIN, EventKind.LEAD_FORM, responseId,
                Json.epoch(root, "occurredAt", receivedAt), List.of(), Map.of(), Map.of(),
                Json.context(root, "leadGenForm", "leadType"), responseId));
    }

    private static void notification(JsonNode notification, String path, Instant receivedAt, List<SocialEvent> events) {
        String id = Json.required(notification, "notificationId", path);
        String action = Json.text(notification, "action");
        JsonNode activity = notification.path("decoratedGeneratedActivity");
        EventKind kind;
        JsonNode content;
        if ("COMMENT".equals(action)) {
            kind = EventKind.COMMENT;
            content = activity.path("comment");
        } else if ("SHARE_MENTION".equals(action)) {
            kind = EventKind.MENTION;
            content = activity.path("share");
        } else if ("SHARE".equals(action)) {
            kind = EventKind.POST;
            content = activity.path("share");
        } else if (DELETED_COMMENT.equals(action)) {
            String item = Json.text(notification, "generatedActivity");
            if (item != null) {
                events.add(ItemChanges.of(Platform.LINKEDIN, Channel.LINKEDIN, EventKind.COMMENT, item,
                        Json.epoch(notification, "lastModifiedAt", receivedAt), Action.DELETE, null));
            }
            return;
        } else {
            return;
        }
        String actor = Json.text(notification, "actor");
        if (actor == null) {
            actor = Json.text(content, "owner");
        }
        if (actor == null || !actor.startsWith(MEMBER)) {
            return;
        }
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Json.putIfPresent(fields, Field.TEXT, Json.text(content, "text"));
        Map<String, String> context = Json.context(notification, "sourcePost", "generatedActivity", "organizationalEntity");
        events.add(new SocialEvent(Platform.LINKEDIN, Channel.LINKEDIN, kind, id,
                Json.epoch(notification, "lastModifiedAt", receivedAt),
                List.of(new Identifier(Channel.LINKEDIN.identifierType(), actor)), fields, Map.of(), context, null,
                Action.CREATE, Json.text(notification, "generatedActivity")));
    }
}

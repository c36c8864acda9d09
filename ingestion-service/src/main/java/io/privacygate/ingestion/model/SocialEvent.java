package io.privacygate.ingestion.model;

import io.privacygate.commons.identity.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One thing a person did on a platform, as parsed from a delivery: who (the identifiers the event
 * carries, linked together on resolution), what (its fields), where and when. {@code eventId} is the
 * platform's own id, by which redeliveries are recognised. {@code context} holds the platform's ids of
 * the page, post, form or ad involved. A lead whose answers must still be fetched from the Graph API has
 * a {@code leadId} and no identifiers yet.
 * <p>
 * {@code action} says whether the person created the item, edited it or removed it; {@code itemId} is the platform's id
 * of the item itself (a comment, post or tweet id, a LinkedIn comment URN), by which a later edit or removal finds the
 * copy stored here. Rows written before these existed read back as a creation of the item {@code eventId}.
 * <p>
 * Holds personal data: {@link #toString()} shows none of it.
 */
@RegisterForReflection // the inbox payload, stored as JSON by hand
public record SocialEvent(Platform platform, Channel channel, EventKind kind, String eventId, Instant occurredAt,
                          List<Identifier> identifiers, Map<Field, String> fields, Map<String, String> answers,
                          Map<String, String> context, String leadId, Action action, String itemId) {

    public SocialEvent {
        action = action == null ? Action.CREATE : action;
        itemId = itemId == null ? eventId : itemId;
        identifiers = List.copyOf(identifiers);
        fields = fields.isEmpty() ? Map.of() : new EnumMap<>(fields);
        answers = Map.copyOf(answers);
        context = Map.copyOf(context);
    }

    /** A creation of the item {@code eventId}, as most platforms' events are. */
    public SocialEvent(Platform platform, Channel channel, EventKind kind, String eventId, Instant occurredAt,
                       List<Identifier> identifiers, Map<Field, String> fields, Map<String, String> answers,
                       Map<String, String> context, String leadId) {
        this(platform, channel, kind, eventId, occurredAt, identifiers, fields, answers, context, leadId, Action.CREATE, eventId);
    }

    /**
     * A platform-wide unique key: ids are unique per platform only. An edit is recognised again by its new text as
     * well (two edits of one comment are two events); the key is only ever kept as a keyed digest.
     */
    public String dedupeKey() {
        return switch (action) {
            case CREATE -> createKey(kind);
            case EDIT -> platform.wireName() + ":" + kind.name() + ":EDIT:" + itemId + ":" + fields.getOrDefault(Field.TEXT, "");
            case DELETE -> platform.wireName() + ":" + kind.name() + ":DELETE:" + itemId;
        };
    }

    /** The key the creation of this item had (or will have) as an event of the given kind. */
    public String createKey(EventKind asKind) {
        return platform.wireName() + ":" + asKind.name() + ":" + (action == Action.CREATE ? eventId : itemId);
    }

    /** What finds the stored copy of the item: ids are unique per channel (a Facebook comment and an Instagram one may share one). */
    public String itemLookup() {
        return "item:" + channel.wireName() + ":" + itemId;
    }

    /** The same event at another time: the trusted one (the rule is {@code Payloads.trustedTime}). */
    public SocialEvent at(Instant time) {
        return time.equals(occurredAt) ? this
                : new SocialEvent(platform, channel, kind, eventId, time, identifiers, fields, answers, context, leadId, action, itemId);
    }

    public boolean awaitsLeadData() {
        return leadId != null;
    }

    /** The context key of the Instagram account an Instagram mention names, whose {@code mentioned_comment} it is. */
    public static final String MENTIONED_ACCOUNT = "ig_user_id";

    /** An Instagram mention arrives as ids only: the comment and its author come from the Graph API. */
    public boolean awaitsMentionedComment() {
        return channel == Channel.INSTAGRAM && kind == EventKind.MENTION && action == Action.CREATE
                && identifiers.isEmpty() && context.containsKey(MENTIONED_ACCOUNT);
    }

    /** The same mention with the author and text the Graph API returned. */
    public SocialEvent withMentionedComment(List<Identifier> author, Map<Field, String> commentFields) {
        return new SocialEvent(platform, channel, kind, eventId, occurredAt, author, commentFields, answers, context, null,
                action, itemId);
    }

    /** The same lead with the answers the Graph API returned. */
    public SocialEvent withLeadData(LeadData lead) {
        return new SocialEvent(platform, channel, kind, eventId, occurredAt, lead.identifiers(), lead.fields(),
                lead.answers(), context, null, action, itemId);
    }

    @Override
    public String toString() {
        return "SocialEvent[platform=" + platform + ", channel=" + channel + ", kind=" + kind + ", action=" + action + ", fields="
                + fields.keySet() + "]";
    }
}

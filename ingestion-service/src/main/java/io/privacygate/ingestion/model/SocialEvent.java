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
 * Holds personal data: {@link #toString()} shows none of it.
 */
@RegisterForReflection // the inbox payload, stored as JSON by hand
public record SocialEvent(Platform platform, Channel channel, EventKind kind, String eventId, Instant occurredAt,
                          List<Identifier> identifiers, Map<Field, String> fields, Map<String, String> answers,
                          Map<String, String> context, String leadId) {

    public SocialEvent {
        identifiers = List.copyOf(identifiers);
        fields = fields.isEmpty() ? Map.of() : new EnumMap<>(fields);
        answers = Map.copyOf(answers);
        context = Map.copyOf(context);
    }

    /** A platform-wide unique key: ids are unique per platform only. */
    public String dedupeKey() {
        return platform.wireName() + ":" + kind.name() + ":" + eventId;
    }

    /** The same event at another time: the trusted one (the rule is {@code Payloads.trustedTime}). */
    public SocialEvent at(Instant time) {
        return time.equals(occurredAt) ? this
                : new SocialEvent(platform, channel, kind, eventId, time, identifiers, fields, answers, context, leadId);
    }

    public boolean awaitsLeadData() {
        return leadId != null;
    }

    /** The same lead with the answers the Graph API returned. */
    public SocialEvent withLeadData(LeadData lead) {
        return new SocialEvent(platform, channel, kind, eventId, occurredAt, lead.identifiers(), lead.fields(),
                lead.answers(), context, null);
    }

    @Override
    public String toString() {
        return "SocialEvent[platform=" + platform + ", channel=" + channel + ", kind=" + kind + ", fields="
                + fields.keySet() + "]";
    }
}

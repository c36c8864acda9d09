package io.privacygate.ingestion.service.webhook;

import io.privacygate.ingestion.model.Action;
import io.privacygate.ingestion.model.Channel;
import io.privacygate.ingestion.model.EventKind;
import io.privacygate.ingestion.model.Field;
import io.privacygate.ingestion.model.Platform;
import io.privacygate.ingestion.model.SocialEvent;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Edits and removals at the source, as events. They name only the item (and, for an edit, its new text): they identify
 * nobody, so no subject is resolved or created for them; they reach whatever copy of the item is stored here.
 */
final class ItemChanges {
    private ItemChanges() {
    }

    static SocialEvent of(Platform platform, Channel channel, EventKind kind, String itemId, Instant at, Action action,
                          String newText) {
        Map<Field, String> fields = new EnumMap<>(Field.class);
        if (action == Action.EDIT) {
            Json.putIfPresent(fields, Field.TEXT, newText);
        }
        return new SocialEvent(platform, channel, kind, itemId, at, List.of(), fields, Map.of(), Map.of(), null, action, itemId);
    }
}

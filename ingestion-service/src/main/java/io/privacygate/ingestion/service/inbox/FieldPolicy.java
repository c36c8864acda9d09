package io.privacygate.ingestion.service.inbox;

import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.model.Field;
import io.privacygate.ingestion.model.InteractionContent;
import io.privacygate.ingestion.model.SocialEvent;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Data minimisation (Art. 5(1)(c)): of an event's fields, only those whose data category the purpose
 * declares are kept. The platform ids of the page, post or form (the event's context) are always kept:
 * without them an interaction cannot be answered or traced back.
 */
public final class FieldPolicy {
    private final Map<Field, String> categoryOf;

    public FieldPolicy(Map<Field, String> categoryOf) {
        this.categoryOf = new EnumMap<>(categoryOf);
    }

    public static FieldPolicy of(IngestionConfig.FieldCategories categories) {
        return new FieldPolicy(Map.of(Field.NAME, categories.name(), Field.HANDLE, categories.handle(),
                Field.EMAIL, categories.email(), Field.PHONE, categories.phone(), Field.TEXT, categories.text(),
                Field.ANSWERS, categories.answers()));
    }

    /** What may be kept of an event for a purpose declaring these data categories. */
    public Kept keep(SocialEvent event, Collection<String> purposeCategories) {
        Set<String> allowed = Set.copyOf(purposeCategories);
        Map<Field, String> contact = new EnumMap<>(Field.class);
        Set<String> categories = new TreeSet<>();
        String text = null;
        for (Map.Entry<Field, String> entry : event.fields().entrySet()) {
            String category = categoryOf.get(entry.getKey());
            if (!allowed.contains(category)) {
                continue;
            }
            categories.add(category);
            if (entry.getKey().contact()) {
                contact.put(entry.getKey(), entry.getValue());
            } else if (entry.getKey() == Field.TEXT) {
                text = entry.getValue();
            }
        }
        Map<String, String> answers = Map.of();
        if (!event.answers().isEmpty() && allowed.contains(categoryOf.get(Field.ANSWERS))) {
            answers = event.answers();
            categories.add(categoryOf.get(Field.ANSWERS));
        }
        return new Kept(contact, new InteractionContent(text, answers, event.context()), categories);
    }

    /** The contact fields and the interaction content to store, and the categories they belong to. */
    public record Kept(Map<Field, String> contact, InteractionContent content, Set<String> categories) {
        @Override
        public String toString() {
            return "Kept[contact=" + contact.keySet() + ", categories=" + categories + "]";
        }
    }
}

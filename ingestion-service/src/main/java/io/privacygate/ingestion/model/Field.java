package io.privacygate.ingestion.model;

import java.util.Locale;

/**
 * The personal data an event may carry. Contact fields describe the person and are kept per purpose on
 * the contact; the others belong to the interaction itself.
 */
public enum Field {
    NAME(true), HANDLE(true), EMAIL(true), PHONE(true), TEXT(false), ANSWERS(false);

    private final boolean contact;

    Field(boolean contact) {
        this.contact = contact;
    }

    public boolean contact() {
        return contact;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return null for a name that is not a field */
    public static Field fromWire(String name) {
        for (Field field : values()) {
            if (field.wireName().equals(name)) {
                return field;
            }
        }
        return null;
    }
}

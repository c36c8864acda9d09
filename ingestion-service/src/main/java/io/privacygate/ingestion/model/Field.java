package io.privacygate.ingestion.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Locale;

/**
 * The personal data an event may carry. Contact fields describe the person and are kept per purpose on
 * the contact; the others belong to the interaction itself.
 */
@RegisterForReflection // part of the inbox payload, stored as JSON by hand
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

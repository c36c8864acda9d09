package io.privacygate.commons.keys;

import java.util.UUID;

/**
 * The tables that hold keys wrapped under a KEK: every service's subject data keys and its own keys (blind-index,
 * pseudonym, session, inbox, receipt and checkpoint keys). A wrapped key starts with its provider and KEK version,
 * {@code local:v2:} or {@code vault:v2:}, so what each version still wraps is counted from the column itself.
 */
enum WrappedKeyTable {
    SUBJECT_KEYS("subject_key", "subject_id", "wrapped_dek", "'SUBJECT_KEK'", new UUID(0, 0)),
    MANAGED_KEYS("managed_key", "name", "wrapped_key", "kek", "");

    private final String table;
    private final String id;
    private final String wrapped;
    private final String kek;
    private final Object beforeFirstId;

    WrappedKeyTable(String table, String id, String wrapped, String kek, Object beforeFirstId) {
        this.table = table;
        this.id = id;
        this.wrapped = wrapped;
        this.kek = kek;
        this.beforeFirstId = beforeFirstId;
    }

    /** Rows {@code kek, version, n}: how many keys each KEK version wraps. */
    String countByVersion() {
        return "select " + kek + " as kek, split_part(" + wrapped + ", ':', 2) as version, count(*) as n from " + table
                + " group by 1, 2";
    }

    /** One page of keys of a KEK ($1) not under the newest version's prefix ($2), after the id $3, at most $4. */
    String stalePage() {
        return "select " + id + " as id, " + wrapped + " as wrapped from " + table + " where " + kek + " = $1"
                + " and not starts_with(" + wrapped + ", $2) and " + id + " > $3 order by " + id + " limit $4";
    }

    /** Replaces a wrapped key ($1) only if it is still the one that was read ($3), so a concurrent erasure wins. */
    String replace() {
        return "update " + table + " set " + wrapped + " = $1 where " + id + " = $2 and " + wrapped + " = $3";
    }

    Object beforeFirstId() {
        return beforeFirstId;
    }
}

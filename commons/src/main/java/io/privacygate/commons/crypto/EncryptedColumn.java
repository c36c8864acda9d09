package io.privacygate.commons.crypto;

/**
 * Where a subject ciphertext is stored: its table, its column and, for a column that holds several kinds of value
 * (one row per field), the kind. Bound into the ciphertext's associated data, so that a ciphertext moved into another
 * column, another kind's row or another subject's row fails authentication instead of being read as that data.
 *
 * @param qualifier the kind of value in an entity-attribute-value column (such as {@code EMAIL}), or null
 */
public record EncryptedColumn(String table, String column, String qualifier) {
    public EncryptedColumn {
        if (!table.matches("[a-z_]+") || !column.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Table and column names are lower-case SQL identifiers");
        }
    }

    public static EncryptedColumn of(String table, String column) {
        return new EncryptedColumn(table, column, null);
    }

    /** The same column, for the rows holding one kind of value. */
    public EncryptedColumn holding(String kind) {
        return new EncryptedColumn(table, column, kind);
    }

    /** {@code table.column} or {@code table.column:kind}. */
    String binding() {
        return table + "." + column + (qualifier == null ? "" : ":" + qualifier);
    }
}

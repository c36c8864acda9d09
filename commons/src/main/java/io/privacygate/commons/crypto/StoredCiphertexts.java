package io.privacygate.commons.crypto;

import java.util.List;

/**
 * The columns in which a service stores subject ciphertexts, for {@link CiphertextUpgrade}. Each service declares
 * its own, beside its schema.
 */
public interface StoredCiphertexts {
    List<StoredColumn> columns();

    /**
     * @param column          where the ciphertexts are
     * @param subjectColumn   the column naming whose data key encrypted each row
     * @param qualifierColumn the column naming the kind of value of each row, or null (see {@link EncryptedColumn})
     */
    record StoredColumn(EncryptedColumn column, String subjectColumn, String qualifierColumn) {
        public StoredColumn {
            if (!subjectColumn.matches("[a-z_]+") || (qualifierColumn != null && !qualifierColumn.matches("[a-z_]+"))) {
                throw new IllegalArgumentException("Column names are lower-case SQL identifiers");
            }
        }

        public static StoredColumn of(EncryptedColumn column, String subjectColumn) {
            return new StoredColumn(column, subjectColumn, null);
        }
    }
}

package io.rowflow.mapping;

/**
 * Whether and when Rowflow writes a column, and when it reads the stored value back.
 *
 * @since 0.2
 */
public enum WriteMode {

    /** An ordinary column: written on insert, update and upsert. */
    WRITTEN,

    /**
     * A column with a database default the application may set ({@link io.rowflow.annotation.DatabaseDefault}):
     * left out of an insert when {@code null} and read back; written otherwise.
     */
    DEFAULT_WHEN_NULL,

    /**
     * Set by the database on insert ({@code @DatabaseGenerated}): never written, read back after insert.
     */
    GENERATED_ON_INSERT,

    /**
     * Set by the database on insert and update ({@code @DatabaseGenerated(INSERT_AND_UPDATE)}):
     * never written, read back after insert and after update.
     */
    GENERATED_ON_INSERT_AND_UPDATE,

    /** Read by queries, never written and never read back after a write ({@link io.rowflow.annotation.ReadOnly}). */
    READ_ONLY;

    /** Whether an insert or update may carry a value for the column. */
    public boolean writable() {
        return this == WRITTEN || this == DEFAULT_WHEN_NULL;
    }
}

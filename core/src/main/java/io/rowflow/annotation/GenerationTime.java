package io.rowflow.annotation;

/**
 * When the database sets a {@link DatabaseGenerated} column.
 *
 * @since 0.2
 */
public enum GenerationTime {

    /** On insert only ({@code DEFAULT now()} for a creation time, a sequence default): read back after insert. */
    INSERT,

    /**
     * On insert and on every update ({@code GENERATED ALWAYS AS (...) STORED}, a trigger setting
     * {@code updated_at}): read back after insert and after update.
     */
    INSERT_AND_UPDATE
}

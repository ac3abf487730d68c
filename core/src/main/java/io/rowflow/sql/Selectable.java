package io.rowflow.sql;

/**
 * Anything that can be turned into a {@link SelectStatement}: the statement itself, or a step of
 * the query DSL. {@link io.rowflow.Database#fetch(Selectable)} runs it.
 *
 * @param <T> the row type
 * @since 0.1
 */
public interface Selectable<T> {

    /** The statement to run. */
    SelectStatement<T> toStatement();
}

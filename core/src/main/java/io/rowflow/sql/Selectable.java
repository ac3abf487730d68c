package io.rowflow.sql;

import java.util.Objects;

/**
 * Anything that can be run as a select: a {@link SelectStatement} with its {@link QueryOptions}, or
 * a step of the query DSL. {@link io.rowflow.Database#fetch(Selectable)} runs it.
 *
 * @param <T> the row type
 * @since 0.1
 */
public interface Selectable<T> {

    /** The statement to run. */
    SelectStatement<T> toStatement();

    /** How to run it: fetch size, relationships to load, batch size. The defaults unless overridden. */
    default QueryOptions options() {
        return QueryOptions.defaults();
    }

    /** A statement run with options. */
    static <T> Selectable<T> of(SelectStatement<T> statement, QueryOptions options) {
        return new OptionedSelect<>(Objects.requireNonNull(statement, "statement"), Objects.requireNonNull(options, "options"));
    }
}

package io.rowflow.sql;

import io.rowflow.internal.model.DataChangeModel;
import org.jspecify.annotations.Nullable;

/**
 * An {@code UPDATE} or {@code DELETE} of the rows of one table that match a predicate. Without a
 * predicate it must say {@code all} explicitly: a forgotten {@code where} never touches every row.
 * Built with {@link #update(TableRef)} or {@link #delete(TableRef)} (or the query DSL); its
 * representation is internal, so clauses can be added without breaking code that builds statements.
 *
 * <p>Only Rowflow implements this interface; a statement from anywhere else is refused when run.
 *
 * @since 0.1
 */
public interface DataChangeStatement extends DataChange {

    /** A builder of {@code UPDATE target SET ... WHERE ...}. */
    static Builder update(TableRef target) {
        return DataChangeModel.update(target);
    }

    /** A builder of {@code DELETE FROM target WHERE ...}. */
    static Builder delete(TableRef target) {
        return DataChangeModel.delete(target);
    }

    /** The changed table. */
    TableRef target();

    /** A builder holding this statement's clauses. */
    Builder toBuilder();

    @Override
    default DataChangeStatement toStatement() {
        return this;
    }

    /**
     * Collects the clauses of an update or delete. Not thread-safe; {@link #build()} returns an
     * immutable statement.
     *
     * @since 0.3
     */
    interface Builder {

        /** Sets a property of the target to a value (updates only; a delete refuses it). */
        Builder set(String propertyPath, Expression value);

        /** Replaces the row filter ({@code null} for none). */
        Builder where(@Nullable Predicate filter);

        /** Adds a condition to the row filter with {@code AND}. */
        Builder and(Predicate condition);

        /** Whether every row is meant when there is no filter. */
        Builder all(boolean everyRow);

        /** The statement. */
        DataChangeStatement build();
    }
}

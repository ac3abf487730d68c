package io.rowflow.internal.query;

import io.rowflow.internal.mapping.EntityKey;
import io.rowflow.internal.model.SelectModel;
import org.jspecify.annotations.Nullable;

/**
 * A read of entity rows by key, in the query model: a select (its table, order and any condition
 * of its own) whose key columns must match key values bound at execution, not when rendered, so
 * one rendering serves every execution of the shape ({@link ReadTemplate}). The SQL writer renders
 * it like any select, with every {@link TableConditions table condition}.
 *
 * @param select the select of the entity's rows (or a count or existence check of them)
 * @param mode rows, their count, or whether any exists
 * @param match the key values the rows must match, or {@code null} for every row
 * @param link the link table the match applies to (a many-to-many), or {@code null} for the key
 *             columns of the selected table
 * @param perKeyLimit the most rows per key value, the first in the select's order, or {@code null}
 */
record KeyedRead(SelectModel<?> select, SqlWriter.Mode mode, @Nullable Match match, @Nullable LinkTable link,
                 @Nullable Long perKeyLimit) {

    /** A read of every row matching the keys. */
    KeyedRead(SelectModel<?> select, SqlWriter.Mode mode, @Nullable Match match, @Nullable LinkTable link) {
        this(select, mode, match, link, null);
    }

    /** How key values are compared. */
    enum Form {
        /** The key columns equal one key value: {@code a = $1 AND b = $2}. */
        EQUAL,
        /**
         * The key columns hold one of a set of key values bound as one array per column, whatever
         * their number: {@code = ANY($1)}, or the dialect's {@code unnest} for several columns.
         */
        ARRAYS,
        /**
         * The key columns hold one of {@link Match#size()} key values, each bound on its own:
         * {@code IN (...)} for one column, a disjunction of conjunctions for several.
         */
        LIST
    }

    /**
     * Which key values the rows must match.
     *
     * @param key the key whose columns are compared (of the selected table; with a link, the owner
     *            key, whose values the link's owner column holds)
     * @param form how they are compared
     * @param size the number of key values of a {@link Form#LIST}, otherwise 1
     */
    record Match(EntityKey key, Form form, int size) {
    }
}

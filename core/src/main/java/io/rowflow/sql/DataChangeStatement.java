package io.rowflow.sql;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An {@code UPDATE} or {@code DELETE} of the rows of one table that match a predicate. Without a
 * predicate it must say {@code all} explicitly: a forgotten {@code where} never touches every row.
 *
 * @since 0.1
 */
public sealed interface DataChangeStatement extends DataChange {

    /** The changed table. */
    TableRef target();

    /** The row filter; {@code null} only when {@link #all()} is true. */
    @Nullable Predicate where();

    /** Whether every row is meant when there is no filter. */
    boolean all();

    @Override
    default DataChangeStatement toStatement() {
        return this;
    }

    /**
     * {@code UPDATE target SET ... WHERE ...}.
     *
     * @param target the table
     * @param assignments the new values
     * @param where the filter, or {@code null} with {@code all}
     * @param all whether every row is updated
     */
    record Update(TableRef target, List<Assignment> assignments, @Nullable Predicate where, boolean all)
            implements DataChangeStatement {
        /** Checks and copies. */
        public Update {
            Objects.requireNonNull(target, "target");
            assignments = List.copyOf(assignments);
        }
    }

    /**
     * {@code DELETE FROM target WHERE ...}.
     *
     * @param target the table
     * @param where the filter, or {@code null} with {@code all}
     * @param all whether every row is deleted
     */
    record Delete(TableRef target, @Nullable Predicate where, boolean all) implements DataChangeStatement {
        /** Checks the arguments. */
        public Delete {
            Objects.requireNonNull(target, "target");
        }
    }
}

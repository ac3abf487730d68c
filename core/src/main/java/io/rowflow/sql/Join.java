package io.rowflow.sql;

/**
 * A joined table and its join condition.
 *
 * @param type inner or left outer
 * @param table the joined table
 * @param on the join condition
 * @since 0.1
 */
public record Join(JoinType type, TableRef table, Predicate on) {

    /** Join kinds. */
    public enum JoinType {
        /** Rows with a match on both sides. */
        INNER,
        /** Every row of the left side, with nulls where the right side has no match. */
        LEFT
    }
}

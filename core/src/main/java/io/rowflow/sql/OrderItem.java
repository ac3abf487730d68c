package io.rowflow.sql;

/**
 * One sort key.
 *
 * @param expression what to sort by
 * @param descending descending instead of ascending
 * @param nulls where nulls go
 * @since 0.1
 */
public record OrderItem(Expression expression, boolean descending, Nulls nulls) {

    /** Placement of nulls. */
    public enum Nulls {
        /** The database's default. */
        DEFAULT,
        /** Nulls before values. */
        FIRST,
        /** Nulls after values. */
        LAST
    }
}

package io.rowflow;

/**
 * Maps one result row to a value. The row is valid only during the call: copy what you need.
 *
 * @param <T> the mapped type
 * @since 0.1
 */
@FunctionalInterface
public interface RowMapper<T> {

    /** Maps the row; must not return {@code null}. */
    T map(ResultRow row);
}

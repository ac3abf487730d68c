package io.rowflow;

import io.r2dbc.spi.RowMetadata;
import org.jspecify.annotations.Nullable;

/**
 * One row of a hand-written query, reading values through Rowflow's converters (so enums,
 * {@code Instant} and user types work as in entities).
 *
 * @since 0.1
 */
public interface ResultRow {

    /** The value of a column by name (case-insensitive), converted to {@code type}; {@code null} for SQL NULL. */
    <V> @Nullable V get(String column, Class<V> type);

    /** The value of a column by zero-based position, converted to {@code type}. */
    <V> @Nullable V get(int index, Class<V> type);

    /** The columns of the result. */
    RowMetadata metadata();
}

package io.rowflow;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A hand-written SQL statement with named parameters ({@code :name}). Immutable: each
 * {@code bind} returns a new query, so a partly bound query can be shared.
 *
 * <p>Values are converted like entity properties (enums by name, {@code Instant}, user
 * converters...) and always sent as bind parameters. {@code ::} (PostgreSQL casts), quoted strings,
 * quoted identifiers and comments are left alone by the parameter parser.
 *
 * @since 0.1
 */
public interface SqlQuery {

    /** Binds a value to {@code :name}; {@code null} needs {@link #bindNull(String, Class)}. */
    SqlQuery bind(String name, Object value);

    /** Binds {@code NULL} of the given Java type to {@code :name}. */
    SqlQuery bindNull(String name, Class<?> type);

    /**
     * Asks the driver to fetch this many rows per round trip when streaming (0: the database's
     * default). With a fetch size, cancelling a large result stops the server promptly.
     */
    SqlQuery fetchSize(int rows);

    /** Maps each row with a function; the row is only valid inside it. */
    <T> RowQuery<T> map(RowMapper<T> mapper);

    /**
     * Maps each row to a type: an entity or any record/class by column name (case-insensitive,
     * snake_case by the naming strategy), or a single-column value type such as {@code Long}.
     */
    <T> RowQuery<T> mapTo(Class<T> type);

    /** Runs a data-changing statement; emits the number of affected rows. */
    Mono<Long> execute();

    /** The SQL text as sent to the driver, with the dialect's bind markers. */
    String sql();

    /** A value of this query's parameters, for diagnostics; never printed by Rowflow. */
    @Nullable Object boundValue(String name);
}

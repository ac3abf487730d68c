package io.rowflow.internal.query;

import io.rowflow.internal.execution.PreparedSql;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A rendered select: the statement to run and a way to map its rows.
 *
 * @param statement SQL and bind values
 * @param mapper creates a row mapper for one execution
 * @param <T> the row type
 */
public record RenderedSelect<T>(PreparedSql statement, Supplier<BiFunction<Row, RowMetadata, T>> mapper) {
}

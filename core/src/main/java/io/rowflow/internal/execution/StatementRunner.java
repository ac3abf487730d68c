package io.rowflow.internal.execution;

import io.rowflow.dialect.Dialect;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one prepared statement on a connection it is given: binds the values, streams the rows
 * (or sums the update counts), translates driver errors and logs the SQL to {@code io.rowflow.sql}
 * (statement at DEBUG, bound values only at TRACE).
 */
public final class StatementRunner {

    private static final Logger SQL_LOG = LoggerFactory.getLogger("io.rowflow.sql");

    private final Dialect dialect;

    /** Creates a runner binding parameters the way the dialect says. */
    public StatementRunner(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Streams the rows of a query, mapped inside the driver's callback (a row is only valid there).
     *
     * @param fetchSize rows per round trip when the driver supports it, {@code 0} for the driver's default
     */
    public <T> Flux<T> query(Connection connection, PreparedSql sql, int fetchSize,
                             BiFunction<Row, RowMetadata, T> mapper) {
        return Flux.defer(() -> {
            Statement statement = prepare(connection, sql);
            if (fetchSize > 0) {
                statement.fetchSize(fetchSize);
            }
            return Flux.from(statement.execute()).concatMap(result -> result.map(mapper));
        }).onErrorMap(error -> ErrorTranslator.translate(error, sql.sql()));
    }

    /** Runs a data-changing statement and emits the number of rows it affected. */
    public Mono<Long> update(Connection connection, PreparedSql sql) {
        return Flux.defer(() -> prepare(connection, sql).execute())
                .concatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum)
                .onErrorMap(error -> ErrorTranslator.translate(error, sql.sql()));
    }

    /** Runs a statement that returns rows (such as {@code INSERT ... RETURNING}), mapping each readable. */
    public <T> Flux<T> returning(Connection connection, PreparedSql sql, java.util.function.Function<Readable, T> mapper) {
        return Flux.defer(() -> prepare(connection, sql).execute())
                .concatMap(result -> result.map(mapper))
                .onErrorMap(error -> ErrorTranslator.translate(error, sql.sql()));
    }

    private Statement prepare(Connection connection, PreparedSql sql) {
        if (SQL_LOG.isDebugEnabled()) {
            SQL_LOG.debug("{}", sql.sql());
            if (SQL_LOG.isTraceEnabled()) {
                SQL_LOG.trace("binds {}", java.util.Arrays.toString(sql.binds()));
            }
        }
        Statement statement = connection.createStatement(sql.sql());
        Object[] binds = sql.binds();
        for (int i = 0; i < binds.length; i++) {
            bind(statement, i, binds[i]);
        }
        return statement;
    }

    private void bind(Statement statement, int index, Object value) {
        String name = dialect.bindName(index);
        if (value instanceof PreparedSql.NullValue nullValue) {
            if (name == null) {
                statement.bindNull(index, nullValue.type());
            } else {
                statement.bindNull(name, nullValue.type());
            }
        } else if (name == null) {
            statement.bind(index, value);
        } else {
            statement.bind(name, value);
        }
    }
}

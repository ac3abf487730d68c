package io.rowflow.internal.execution;

import io.rowflow.dialect.Dialect;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.ContextView;

/**
 * Runs one prepared statement on a connection it is given: binds the values, streams the rows
 * (or sums the update counts), translates driver errors, reports the statement with the operation
 * it serves to the database's {@link Listeners} and logs the SQL to {@code io.rowflow.sql}.
 *
 * <p>At DEBUG each statement is logged once it ends, with how it ended, its row count (rows read,
 * or rows affected by an update) and its duration from execution to the end, which for a stream
 * includes the time its subscriber took:
 * {@code SELECT ... -- 3 rows, 1.2 ms}, {@code ... -- cancelled after 5 rows, 3.4 ms},
 * {@code ... -- failed after 0.8 ms: DuplicateKeyException}. A lookup or first-row query that got
 * the rows it needs completed ({@link #queryAtMost}); a subscriber that stops a stream early
 * ({@code take(n)}, a dispose, a client gone away) cancelled it. At TRACE each statement is also
 * logged when it starts, with its bound values (which may be secrets: TRACE only).
 */
public final class StatementRunner {

    private static final Logger SQL_LOG = LoggerFactory.getLogger("io.rowflow.sql");

    private final Dialect dialect;
    private final Listeners listeners;

    /** Creates a runner binding parameters the way the dialect says and reporting each statement to the listeners. */
    public StatementRunner(Dialect dialect, Listeners listeners) {
        this.dialect = dialect;
        this.listeners = listeners;
    }

    /**
     * Streams the rows of a query, mapped inside the driver's callback (a row is only valid there).
     *
     * @param fetchSize rows per round trip when the driver supports it, {@code 0} for the driver's default
     */
    public <T> Flux<T> query(Connection connection, OperationShape operation, PreparedSql sql, int fetchSize,
                             BiFunction<Row, RowMetadata, T> mapper) {
        return query(connection, operation, sql, fetchSize, mapper, sql.sql());
    }

    /**
     * As {@link #query(Connection, PreparedSql, int, BiFunction)}, reporting errors with
     * {@code reportedSql}: the statement the user knows when {@code sql} serves it (a cursor's
     * {@code FETCH} reports the query the cursor reads).
     */
    public <T> Flux<T> query(Connection connection, OperationShape operation, PreparedSql sql, int fetchSize,
                             BiFunction<Row, RowMetadata, T> mapper, String reportedSql) {
        return listeners.rows(operation, sql.sql(), logged(sql, rows(connection, sql, fetchSize, mapper, reportedSql)));
    }

    /**
     * The first {@code maxRows} rows of a query, for operations that need no more (a lookup, a
     * first row, a uniqueness check): the statement completes once it has them, the driver
     * discards the rest, and the log reports it as completed, not cancelled.
     */
    public <T> Flux<T> queryAtMost(Connection connection, OperationShape operation, PreparedSql sql, int maxRows,
                                   BiFunction<Row, RowMetadata, T> mapper) {
        return listeners.rows(operation, sql.sql(),
                logged(sql, rows(connection, sql, 0, mapper, sql.sql()).take(maxRows, true)));
    }

    private <T> Flux<T> rows(Connection connection, PreparedSql sql, int fetchSize,
                             BiFunction<Row, RowMetadata, T> mapper, String reportedSql) {
        return Flux.deferContextual(context -> {
            Statement statement = prepare(connection, sql, context);
            if (fetchSize > 0) {
                statement.fetchSize(fetchSize);
            }
            return Flux.from(statement.execute()).concatMap(result -> result.map(mapper));
        }).onErrorMap(error -> ErrorTranslator.translate(error, reportedSql));
    }

    /** Runs a data-changing statement and emits the number of rows it affected. */
    public Mono<Long> update(Connection connection, OperationShape operation, PreparedSql sql) {
        return update(connection, operation, sql, sql.sql());
    }

    /** As {@link #update(Connection, OperationShape, PreparedSql)}, reporting errors with {@code reportedSql}. */
    public Mono<Long> update(Connection connection, OperationShape operation, PreparedSql sql, String reportedSql) {
        Mono<Long> execution = Flux.deferContextual(context -> prepare(connection, sql, context).execute())
                .concatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum)
                .onErrorMap(error -> ErrorTranslator.translate(error, reportedSql));
        return listeners.count(operation, sql.sql(), Mono.defer(() -> {
            if (!SQL_LOG.isDebugEnabled()) {
                return execution;
            }
            StatementLog log = new StatementLog(sql.sql());
            return execution.doOnNext(log::affected).doOnError(log::failed).doFinally(log::ended);
        }));
    }

    /**
     * Runs {@code COPY ... FROM STDIN} with these binary pages on the connection and emits the rows
     * copied, reported and logged like a statement (the pages are never logged); {@code null} when
     * the connection is not r2dbc-postgresql's, for the caller to run a statement instead. An error
     * from the pages or the server fails the copy, and the server keeps none of its rows.
     */
    public @Nullable Mono<Long> copyIn(Connection connection, OperationShape operation, String sql,
                                       Flux<byte[]> pages) {
        Mono<Long> copy = io.rowflow.internal.copy.BinaryCopy.copyIn(connection, sql, pages);
        if (copy == null) {
            return null;
        }
        Mono<Long> execution = Mono.defer(() -> copy).onErrorMap(error -> ErrorTranslator.translate(error, sql));
        return listeners.count(operation, sql, Mono.defer(() -> {
            if (!SQL_LOG.isDebugEnabled()) {
                return execution;
            }
            StatementLog log = new StatementLog(sql);
            return execution.doOnNext(log::affected).doOnError(log::failed).doFinally(log::ended);
        }));
    }

    /** Runs a statement that returns rows (such as {@code INSERT ... RETURNING}), mapping each readable. */
    public <T> Flux<T> returning(Connection connection, OperationShape operation, PreparedSql sql,
                                 Function<Readable, T> mapper) {
        return listeners.rows(operation, sql.sql(), logged(sql, Flux.deferContextual(context -> prepare(connection, sql, context).execute())
                .concatMap(result -> result.map(mapper))
                .onErrorMap(error -> ErrorTranslator.translate(error, sql.sql()))));
    }

    /** The rows of an execution, logged at DEBUG when it ends if DEBUG is on when it starts. */
    private static <T> Flux<T> logged(PreparedSql sql, Flux<T> execution) {
        return Flux.defer(() -> {
            if (!SQL_LOG.isDebugEnabled()) {
                return execution;
            }
            StatementLog log = new StatementLog(sql.sql());
            return execution.doOnNext(log::row).doOnError(log::failed).doFinally(log::ended);
        });
    }

    private Statement prepare(Connection connection, PreparedSql sql, ContextView context) {
        if (SQL_LOG.isTraceEnabled()) {
            SQL_LOG.trace("{} -- executing, binds {}", sql.sql(), Arrays.toString(sql.binds()));
        }
        Statement statement = connection.createStatement(sql.sql());
        Object[] binds = sql.binds();
        for (int i = 0; i < binds.length; i++) {
            Object value = binds[i];
            bind(statement, i, value instanceof PreparedSql.Deferred deferred ? deferred.driverValue(context) : value);
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

    /** One execution's log line: counts rows from its start and writes the line when it ends. */
    private static final class StatementLog {
        private final String sql;
        private final long start = System.nanoTime();
        private volatile long rows;
        private volatile @Nullable Throwable failure;

        StatementLog(String sql) {
            this.sql = sql;
        }

        void row(Object ignored) {
            rows++;
        }

        void affected(long count) {
            rows = count;
        }

        void failed(Throwable error) {
            failure = error;
        }

        void ended(SignalType signal) {
            String millis = String.format(Locale.ROOT, "%.1f ms", (System.nanoTime() - start) / 1_000_000.0);
            Throwable error = failure;
            if (signal == SignalType.ON_ERROR && error != null) {
                SQL_LOG.debug("{} -- failed after {}: {}", sql, millis, error.getClass().getSimpleName());
            } else if (signal == SignalType.CANCEL) {
                SQL_LOG.debug("{} -- cancelled after {}, {}", sql, rows(rows), millis);
            } else {
                SQL_LOG.debug("{} -- {}, {}", sql, rows(rows), millis);
            }
        }

        private static String rows(long count) {
            return count == 1 ? "1 row" : count + " rows";
        }
    }
}

package io.rowflow.internal.execution;

import io.rowflow.ConnectionProvider;
import io.rowflow.DataAccessException;
import io.rowflow.TransactionRollbackException;
import io.rowflow.dialect.Dialect;
import io.rowflow.internal.tx.TransactionManager;
import io.rowflow.internal.tx.TransactionScope;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the connection for an operation: the current transaction's (queued behind its other
 * statements; a Rowflow transaction or an external one the connection provider reports), or a
 * connection of its own from the provider, acquired on subscription and released on completion,
 * error and cancellation.
 */
public final class Executor {

    /** Rows per window of a streamed query inside a transaction when no fetch size is given. */
    public static final int DEFAULT_WINDOW = 256;

    private final ConnectionFactory factory;
    private final ConnectionProvider provider;
    private final TransactionManager transactions;
    private final StatementRunner runner;
    private final TransactionWindows transactionWindows;

    /** Creates an executor over a connection provider, the database's transactions and a statement runner. */
    public Executor(ConnectionFactory factory, ConnectionProvider provider, TransactionManager transactions,
                    StatementRunner runner, Dialect dialect) {
        this.factory = factory;
        this.provider = provider;
        this.transactions = transactions;
        this.runner = runner;
        this.transactionWindows = new TransactionWindows(dialect, runner);
    }

    /**
     * Runs work on a connection: the current transaction's if there is one (Rowflow's, or an
     * external one the provider reports), else one from the provider.
     *
     * <p>Inside a transaction the result is read off the connection as fast as the database sends
     * it, and rows the subscriber has not requested yet are buffered. The connection is then free
     * for the next statement even while the subscriber is still busy with earlier rows, so work
     * issued per row of an open result (a {@code flatMap} of writes over a read) cannot deadlock
     * behind it. That suits results of bounded size (a statement's affected rows, a lookup, a
     * batch of relationship rows); results that may be large go through {@link #windows} or
     * {@link #stream} instead. Outside a transaction results stream with backpressure, unbuffered.
     *
     * <p>Once a statement of a transaction scope has failed, later statements in the same scope fail
     * at once with {@link TransactionRollbackException}, on every database (PostgreSQL would refuse
     * them anyway; others would run them and then commit partial work).
     */
    public <T> Flux<T> withConnection(Function<Connection, ? extends Publisher<T>> work) {
        return Flux.deferContextual(context -> transactions.route(context,
                scope -> inScope(scope, work).onBackpressureBuffer(),
                () -> onOwnConnection(work)));
    }

    /**
     * Streams the rows of a query whose result may be large, in windows of {@code size} rows.
     * Outside a transaction it runs on a connection of its own, {@code size} rows per round trip.
     * Inside one it keeps at most a window or two in memory whatever the subscriber's speed, and
     * leaves the connection to the transaction's other statements between windows where the
     * dialect has cursors ({@link TransactionWindows}).
     */
    public <T> Flux<List<T>> windows(PreparedSql sql, int size, BiFunction<Row, RowMetadata, T> mapper) {
        return Flux.deferContextual(context -> transactions.route(context,
                scope -> transactionWindows.windows(sql, size, mapper, scope, new TransactionWindows.InScope() {
                    @Override
                    public <R> Flux<R> run(Function<Connection, ? extends Publisher<R>> work) {
                        return inScope(scope, work);
                    }
                }),
                () -> onOwnConnection(connection -> runner.query(connection, sql, size, mapper)).buffer(size)));
    }

    /**
     * Streams the rows of a query whose result may be large: outside a transaction on a connection
     * of its own, {@code fetchSize} rows per round trip ({@code 0} for the driver's default);
     * inside one through {@link #windows} of {@code fetchSize} rows, or {@value #DEFAULT_WINDOW}.
     */
    public <T> Flux<T> stream(PreparedSql sql, int fetchSize, BiFunction<Row, RowMetadata, T> mapper) {
        return Flux.deferContextual(context -> transactions.route(context,
                scope -> windows(sql, fetchSize > 0 ? fetchSize : DEFAULT_WINDOW, mapper)
                        .concatMapIterable(Function.identity(), 1),
                () -> onOwnConnection(connection -> runner.query(connection, sql, fetchSize, mapper))));
    }

    private <T> Flux<T> onOwnConnection(Function<Connection, ? extends Publisher<T>> work) {
        return Flux.usingWhen(acquire(), work,
                connection -> provider.release(connection, factory),
                (connection, error) -> BrokenConnections.releaseAfter(error, connection,
                        provider.release(connection, factory)),
                connection -> provider.release(connection, factory));
    }

    /** Work on the transaction's connection, queued behind its other statements; fails at once in a doomed scope. */
    private static <T> Flux<T> inScope(TransactionScope scope, Function<Connection, ? extends Publisher<T>> work) {
        Throwable doomedBy = scope.failure();
        if (doomedBy != null) {
            return Flux.error(new TransactionRollbackException("Not running the statement: an earlier statement "
                    + "of this transaction failed, so it can only roll back (" + doomedBy.getMessage()
                    + "). Run statements that may fail in a nested inTransaction to recover from them.", doomedBy));
        }
        return scope.state().run(work)
                .doOnError(DataAccessException.class, scope::statementFailed);
    }

    /** A connection from the provider; a failure to get one (such as a pool's acquire timeout) is translated. */
    private Mono<Connection> acquire() {
        return Mono.defer(() -> provider.acquireMono(factory))
                .onErrorMap(error -> ErrorTranslator.connectionFailure(error));
    }

    /** Streams the rows of a query. */
    public <T> Flux<T> query(PreparedSql sql, int fetchSize, BiFunction<Row, RowMetadata, T> mapper) {
        return withConnection(connection -> runner.query(connection, sql, fetchSize, mapper));
    }

    /**
     * Streams at most {@code maxRows} rows of a query; the statement completes (and is logged as
     * completed) once it has them. Subscribe without cancelling early, for example with
     * {@code reduce} or {@code collectList}, rather than {@code next()}.
     */
    public <T> Flux<T> queryAtMost(PreparedSql sql, int maxRows, BiFunction<Row, RowMetadata, T> mapper) {
        return withConnection(connection -> runner.queryAtMost(connection, sql, maxRows, mapper));
    }

    /** Runs a data-changing statement and emits the affected row count. */
    public Mono<Long> update(PreparedSql sql) {
        return withConnection(connection -> runner.update(connection, sql)).single();
    }

    /** The statement runner, for work that runs several statements on one connection. */
    public StatementRunner runner() {
        return runner;
    }

    /** Runs a statement returning rows of generated values on a given connection. */
    public <T> Flux<T> returning(Connection connection, PreparedSql sql, Function<Readable, T> mapper) {
        return runner.returning(connection, sql, mapper);
    }
}

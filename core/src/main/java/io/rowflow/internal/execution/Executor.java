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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Finds the connection for an operation: the current transaction's (queued behind its other
 * statements; a Rowflow transaction or an external one the connection provider reports), or a
 * connection of its own from the provider, acquired on subscription and released on completion,
 * error and cancellation.
 */
public final class Executor {

    /** Rows per window of a streamed query inside a transaction when no fetch size is given: the first window's. */
    public static final int DEFAULT_WINDOW = 256;

    /** How often a read whose connection broke before it emitted anything runs again, when the provider asks for it. */
    private static final int LOST_READ_RETRIES = 2;

    /**
     * The most rows a window of a streamed query inside a transaction grows to when no fetch size
     * is given (through a cursor, each {@code FETCH} asks for twice the rows of the one before):
     * a stream of a million rows takes about 250 round trips, not 4,000.
     */
    public static final int GROWN_WINDOW = 4_096;

    private final ConnectionFactory factory;
    private final ConnectionProvider provider;
    private final TransactionManager transactions;
    private final StatementRunner runner;
    private final TransactionWindows transactionWindows;
    private final Listeners listeners;
    /** The context key of the connection {@link #onOneConnection} holds for its work. */
    private final Object heldConnection = new Object();

    /**
     * Creates an executor over a connection provider, the database's transactions, a statement
     * runner and the listeners it reports to.
     */
    public Executor(ConnectionFactory factory, ConnectionProvider provider, TransactionManager transactions,
                    StatementRunner runner, Dialect dialect, Listeners listeners) {
        this.factory = factory;
        this.provider = provider;
        this.transactions = transactions;
        this.runner = runner;
        this.listeners = listeners;
        this.transactionWindows = new TransactionWindows(dialect, runner);
    }

    /**
     * Runs work on a connection: the current transaction's if there is one (Rowflow's, or an
     * external one the provider reports), else one from the provider, which is told the operation
     * ({@code shape} with {@code sql}). The work gets the shape placed where it runs (inside a
     * transaction or not, read-only or not) to hand to the {@link StatementRunner}.
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
    public <T> Flux<T> withConnection(OperationShape shape, String sql, Work<T> work) {
        return Flux.deferContextual(context -> transactions.route(context,
                scope -> inScope(scope, connection -> work.run(connection, placed(shape, scope))).onBackpressureBuffer(),
                () -> {
                    Connection held = context.getOrDefault(heldConnection, null);
                    return held != null ? Flux.from(work.run(held, shape))
                            : onOwnConnection(shape, sql, connection -> work.run(connection, shape));
                }));
    }

    /**
     * Runs work outside a transaction with every statement it sends through this executor on one
     * connection of its own, as a hand-written sequence of statements would: acquired on
     * subscription (the provider is told {@code shape} with {@code sql}, the first statement),
     * released on completion, error and cancellation. The work must send its statements one after
     * the other, each read to its end before the next starts; no transaction is begun.
     */
    public <T> Flux<T> onOneConnection(OperationShape shape, String sql, Flux<T> work) {
        return onOwnConnection(shape, sql, connection -> work.contextWrite(context -> context.put(heldConnection, connection)));
    }

    /**
     * Streams the rows of a query whose result may be large, in windows of {@code size} rows.
     * Outside a transaction it runs on a connection of its own, {@code size} rows per round trip.
     * Inside one it keeps at most a window or two in memory whatever the subscriber's speed, and
     * leaves the connection to the transaction's other statements between windows where the
     * dialect has cursors ({@link TransactionWindows}); each cursor statement is reported with the
     * query's operation.
     */
    public <T> Flux<List<T>> windows(OperationShape shape, PreparedSql sql, int size,
                                     BiFunction<Row, RowMetadata, T> mapper) {
        return windows(shape, sql, size, size, mapper);
    }

    /**
     * As {@link #windows(OperationShape, PreparedSql, int, BiFunction)}, with windows read through
     * a cursor growing from {@code size} rows up to {@code maxSize} (each twice the one before).
     */
    public <T> Flux<List<T>> windows(OperationShape shape, PreparedSql sql, int size, int maxSize,
                                     BiFunction<Row, RowMetadata, T> mapper) {
        return Flux.deferContextual(context -> transactions.route(context,
                scope -> transactionWindows.windows(placed(shape, scope), sql, size, maxSize, mapper, scope,
                        new TransactionWindows.InScope() {
                            @Override
                            public <R> Flux<R> run(Function<Connection, ? extends Publisher<R>> work) {
                                return inScope(scope, work);
                            }
                        }),
                () -> onOwnConnection(shape, sql.sql(), connection -> runner.query(connection, shape, sql, size, mapper))
                        .buffer(size)));
    }

    /**
     * Streams the rows of a query whose result may be large: outside a transaction on a connection
     * of its own, {@code fetchSize} rows per round trip ({@code 0} for the driver's default);
     * inside one through {@link #windows} of {@code fetchSize} rows, or growing from
     * {@value #DEFAULT_WINDOW} to {@value #GROWN_WINDOW}.
     */
    public <T> Flux<T> stream(OperationShape shape, PreparedSql sql, int fetchSize,
                              BiFunction<Row, RowMetadata, T> mapper) {
        return Flux.deferContextual(context -> transactions.route(context,
                scope -> windows(shape, sql, fetchSize > 0 ? fetchSize : DEFAULT_WINDOW, fetchSize > 0 ? fetchSize : GROWN_WINDOW, mapper)
                        .concatMapIterable(Function.identity(), 1),
                () -> onOwnConnection(shape, sql.sql(), connection -> runner.query(connection, shape, sql, fetchSize, mapper))));
    }

    /** The shape placed in a transaction scope: read-only when the transaction is. */
    private static OperationShape placed(OperationShape shape, TransactionScope scope) {
        return shape.inTransaction(scope.options().readOnly());
    }

    private <T> Flux<T> onOwnConnection(OperationShape shape, String sql, Function<Connection, ? extends Publisher<T>> work) {
        Flux<T> once = Flux.usingWhen(acquire(shape, sql), work,
                connection -> provider.release(connection, factory),
                (connection, error) -> BrokenConnections.releaseAfter(error, connection,
                        provider.release(connection, factory)),
                connection -> provider.release(connection, factory));
        return shape.readOnly() && provider.retriesLostReads() ? retriedWhileNothingEmitted(once) : once;
    }

    /**
     * A read run again (at most {@value #LOST_READ_RETRIES} times) when its connection broke before
     * it emitted anything: see {@link ConnectionProvider#retriesLostReads()}.
     */
    private static <T> Flux<T> retriedWhileNothingEmitted(Flux<T> read) {
        return Flux.defer(() -> {
            AtomicBoolean emitted = new AtomicBoolean();
            return read.doOnNext(item -> emitted.set(true))
                    .retryWhen(Retry.max(LOST_READ_RETRIES)
                            .filter(error -> !emitted.get() && ErrorTranslator.isConnectionBroken(error))
                            .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
        });
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

    /**
     * A connection from the provider, told the operation when it is not the default provider; a
     * failure to get one (such as a pool's acquire timeout) is translated.
     */
    private Mono<Connection> acquire(OperationShape shape, String sql) {
        return Mono.defer(() -> provider == ConnectionProvider.DEFAULT ? provider.acquireMono(factory)
                        : Mono.<Connection>from(provider.acquire(factory, listeners.describe(shape, sql))))
                .onErrorMap(error -> ErrorTranslator.connectionFailure(error));
    }

    /** Streams the rows of a query. */
    public <T> Flux<T> query(OperationShape shape, PreparedSql sql, int fetchSize, BiFunction<Row, RowMetadata, T> mapper) {
        return withConnection(shape, sql.sql(), (connection, placed) -> runner.query(connection, placed, sql, fetchSize, mapper));
    }

    /**
     * Streams at most {@code maxRows} rows of a query; the statement completes (and is logged as
     * completed) once it has them. Subscribe without cancelling early, for example with
     * {@code reduce} or {@code collectList}, rather than {@code next()}.
     */
    public <T> Flux<T> queryAtMost(OperationShape shape, PreparedSql sql, int maxRows,
                                   BiFunction<Row, RowMetadata, T> mapper) {
        return withConnection(shape, sql.sql(), (connection, placed) -> runner.queryAtMost(connection, placed, sql, maxRows, mapper));
    }

    /** Runs a data-changing statement and emits the affected row count. */
    public Mono<Long> update(OperationShape shape, PreparedSql sql) {
        return withConnection(shape, sql.sql(), (connection, placed) -> runner.update(connection, placed, sql)).single();
    }

    /** Runs a statement returning rows of generated values (such as {@code INSERT ... RETURNING}). */
    public <T> Flux<T> returning(OperationShape shape, PreparedSql sql, Function<Readable, T> mapper) {
        return withConnection(shape, sql.sql(), (connection, placed) -> runner.returning(connection, placed, sql, mapper));
    }

    /** The statement runner, for work that runs several statements on one connection. */
    public StatementRunner runner() {
        return runner;
    }

    /** Work on a connection, given the operation's shape as placed (in a transaction or not). */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs the work; hand {@code operation} to the {@link StatementRunner}. */
        Publisher<T> run(Connection connection, OperationShape operation);
    }
}

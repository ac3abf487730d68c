package io.rowflow.internal.execution;

import io.rowflow.ConnectionProvider;
import io.rowflow.DataAccessException;
import io.rowflow.TransactionRollbackException;
import io.rowflow.internal.tx.TransactionManager;
import io.rowflow.internal.tx.TransactionScope;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
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

    private final ConnectionFactory factory;
    private final ConnectionProvider provider;
    private final TransactionManager transactions;
    private final StatementRunner runner;

    /** Creates an executor over a connection provider, the database's transactions and a statement runner. */
    public Executor(ConnectionFactory factory, ConnectionProvider provider, TransactionManager transactions,
                    StatementRunner runner) {
        this.factory = factory;
        this.provider = provider;
        this.transactions = transactions;
        this.runner = runner;
    }

    /**
     * Runs work on a connection: the current transaction's if there is one (Rowflow's, or an
     * external one the provider reports), else one from the provider.
     *
     * <p>Inside a transaction the result is read off the connection as fast as the database sends
     * it, and rows the subscriber has not requested yet are buffered. The connection is then free
     * for the next statement even while the subscriber is still busy with earlier rows, so work
     * issued per row of an open result (a {@code flatMap} of writes over a read) cannot deadlock
     * behind it. Outside a transaction results stream with backpressure, unbuffered.
     *
     * <p>Once a statement of a transaction scope has failed, later statements in the same scope fail
     * at once with {@link TransactionRollbackException}, on every database (PostgreSQL would refuse
     * them anyway; others would run them and then commit partial work).
     */
    public <T> Flux<T> withConnection(Function<Connection, ? extends Publisher<T>> work) {
        return Flux.deferContextual(context -> transactions.route(context,
                scope -> inScope(scope, work),
                () -> Flux.usingWhen(acquire(), work,
                        connection -> provider.release(connection, factory),
                        (connection, error) -> BrokenConnections.releaseAfter(error, connection,
                                provider.release(connection, factory)),
                        connection -> provider.release(connection, factory))));
    }

    private static <T> Flux<T> inScope(TransactionScope scope, Function<Connection, ? extends Publisher<T>> work) {
        Throwable doomedBy = scope.failure();
        if (doomedBy != null) {
            return Flux.error(new TransactionRollbackException("Not running the statement: an earlier statement "
                    + "of this transaction failed, so it can only roll back (" + doomedBy.getMessage()
                    + "). Run statements that may fail in a nested inTransaction to recover from them.", doomedBy));
        }
        return scope.state().run(work)
                .doOnError(DataAccessException.class, scope::statementFailed)
                .onBackpressureBuffer();
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

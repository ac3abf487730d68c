package io.rowflow;

import io.r2dbc.spi.Connection;
import java.util.Objects;

/**
 * A transaction begun and ended outside Rowflow, such as one of Spring's
 * {@code R2dbcTransactionManager}, that Rowflow operations join. A {@link ConnectionProvider}
 * reports it from {@link ConnectionProvider#currentTransaction(io.r2dbc.spi.ConnectionFactory)}:
 * it creates one instance per transaction with {@link #of(Connection)} and hands out that same
 * instance for as long as the transaction runs.
 *
 * <p>While joined, Rowflow treats the transaction like one of its own: its statements queue one at
 * a time on the connection, relationships load in windows between which the connection is free,
 * cascading writes and {@code insertAll} run in it instead of opening a transaction of their own,
 * and {@code inTransaction} runs in a savepoint of it. A Rowflow statement that fails dooms the
 * joined transaction for Rowflow: later Rowflow statements in it fail at once with
 * {@link TransactionRollbackException}, and the error reaches the transaction's owner, which rolls
 * back. Rowflow never begins, commits, rolls back or closes the connection: its owner does.
 *
 * @since 0.1
 */
public final class ExternalTransaction {

    private final Connection connection;

    private ExternalTransaction(Connection connection) {
        this.connection = connection;
    }

    /** A handle for the transaction running on this connection; create one per transaction. */
    public static ExternalTransaction of(Connection connection) {
        return new ExternalTransaction(Objects.requireNonNull(connection, "connection"));
    }

    /** The connection the transaction runs on. */
    public Connection connection() {
        return connection;
    }

    @Override
    public String toString() {
        return "ExternalTransaction[" + connection + "]";
    }
}

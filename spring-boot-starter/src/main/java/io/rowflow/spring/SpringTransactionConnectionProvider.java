package io.rowflow.spring;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.ConnectionProvider;
import io.rowflow.ExternalTransaction;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.r2dbc.connection.ConnectionHolder;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Makes Rowflow operations take part in Spring's reactive transactions: inside a transaction of an
 * {@code R2dbcTransactionManager} over the same {@link ConnectionFactory} (started by
 * {@code @Transactional} or a {@code TransactionalOperator}), every Rowflow operation runs on the
 * transaction's connection, commits and rolls back with it; outside one, each operation gets a
 * connection through {@link ConnectionFactoryUtils}, as Spring's own {@code DatabaseClient} does.
 *
 * <p>Joined transactions are reported to Rowflow as {@link ExternalTransaction}s, one per Spring
 * transaction, so Rowflow queues its statements on the shared connection, loads relationships in
 * windows, runs cascading writes in the Spring transaction and turns {@code db.inTransaction(...)}
 * into a savepoint of it. Rowflow never commits, rolls back or closes Spring's connection.
 *
 * <p>The starter's auto-configuration installs it; without Spring Boot, pass it to
 * {@code Database.builder(connectionFactory).connectionProvider(new SpringTransactionConnectionProvider())}.
 *
 * @since 0.1
 */
public final class SpringTransactionConnectionProvider implements ConnectionProvider {

    /** Gets a connection with {@link ConnectionFactoryUtils#getConnection(ConnectionFactory)}. */
    @Override
    public Publisher<? extends Connection> acquire(ConnectionFactory factory) {
        return ConnectionFactoryUtils.getConnection(factory);
    }

    /** Gives it back with {@link ConnectionFactoryUtils#releaseConnection(Connection, ConnectionFactory)}. */
    @Override
    public Publisher<Void> release(Connection connection, ConnectionFactory factory) {
        return ConnectionFactoryUtils.releaseConnection(connection, factory);
    }

    /**
     * Emits the Spring transaction running on a connection of this factory in the subscriber's
     * context, the same instance for the whole transaction; completes empty when there is none.
     */
    @Override
    public Mono<ExternalTransaction> currentTransaction(ConnectionFactory factory) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .mapNotNull(synchronization -> joined(synchronization, factory))
                .onErrorResume(NoTransactionException.class, noTransaction -> Mono.empty());
    }

    private static @Nullable ExternalTransaction joined(TransactionSynchronizationManager synchronization,
                                                        ConnectionFactory factory) {
        if (!synchronization.isActualTransactionActive()
                || !(synchronization.getResource(factory) instanceof ConnectionHolder holder)) {
            return null;
        }
        JoinedKey key = new JoinedKey(holder);
        synchronized (holder) {
            Connection connection = connectionOf(holder);
            if (connection == null) {
                return null;
            }
            if (synchronization.getResource(key) instanceof ExternalTransaction joined && joined.connection() == connection) {
                return joined;
            }
            ExternalTransaction joined = ExternalTransaction.of(connection);
            synchronization.unbindResourceIfPossible(key);
            synchronization.bindResource(key, joined);
            if (synchronization.isSynchronizationActive()) {
                synchronization.registerSynchronization(new Unbind(synchronization, key));
            }
            return joined;
        }
    }

    /** The holder's connection, or {@code null} when it has none (its getter refuses to return null). */
    private static @Nullable Connection connectionOf(ConnectionHolder holder) {
        try {
            return holder.getConnection();
        } catch (IllegalStateException noConnection) {
            return null;
        }
    }

    /** The resource key of Rowflow's handle for the transaction holding this connection holder. */
    private record JoinedKey(ConnectionHolder holder) {
    }

    /** Forgets the handle when the transaction completes. */
    private record Unbind(TransactionSynchronizationManager synchronization, JoinedKey key)
            implements TransactionSynchronization {
        @Override
        public Mono<Void> afterCompletion(int status) {
            return Mono.fromRunnable(() -> synchronization.unbindResourceIfPossible(key));
        }
    }

    @Override
    public String toString() {
        return "SpringTransactionConnectionProvider";
    }
}

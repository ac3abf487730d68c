package io.rowflow;

import io.rowflow.observe.Operation;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * How operations outside a Rowflow transaction obtain and give back connections, and which
 * transaction managed elsewhere they join. The default creates a connection from the factory per
 * operation, closes it afterwards, and knows no other transactions. An integration can join
 * transactions managed elsewhere instead: the Spring starter reports the Spring reactive
 * transaction found in the Reactor context through {@link #currentTransaction(ConnectionFactory)}.
 *
 * <p>Both {@link #currentTransaction(ConnectionFactory)} and {@link #acquire(ConnectionFactory)}
 * are subscribed within the operation's Reactor context. When an operation is not inside a Rowflow
 * transaction, Rowflow first asks for the current external transaction and joins it (see
 * {@link ExternalTransaction}); only when there is none does it acquire a connection. Whatever
 * {@code acquire} hands out, Rowflow releases it exactly once, on completion, error and
 * cancellation alike. An outermost {@code inTransaction} (one neither in a Rowflow nor in an
 * external transaction) gets its connection from {@code acquire} too, in the caller's context, and
 * gives it back through {@code release} after its commit or rollback. Coalesced statements, which
 * serve several callers, run in the context of the first caller of their batch.
 *
 * @since 0.1
 */
public interface ConnectionProvider {

    /** Creates a connection per operation and closes it afterwards. */
    ConnectionProvider DEFAULT = new ConnectionProvider() {
        @Override
        public Publisher<? extends Connection> acquire(ConnectionFactory factory) {
            return factory.create();
        }

        @Override
        public Publisher<Void> release(Connection connection, ConnectionFactory factory) {
            return connection.close();
        }

        @Override
        public String toString() {
            return "ConnectionProvider.DEFAULT";
        }
    };

    /** Emits the connection for one operation. */
    Publisher<? extends Connection> acquire(ConnectionFactory factory);

    /**
     * Emits the connection for one operation, knowing what it is for: a router can send reads
     * ({@link Operation#readOnly()}) to a replica, or pick a tenant's database from the Reactor
     * context. Rowflow calls this form (never with {@link #DEFAULT}); for an outermost transaction
     * the operation is of kind {@link io.rowflow.observe.OperationKind#TRANSACTION}, read-only when
     * the transaction is. The default ignores the operation and calls {@link #acquireMono(ConnectionFactory)}.
     *
     * @since 0.2
     */
    default Publisher<? extends Connection> acquire(ConnectionFactory factory, Operation operation) {
        return acquireMono(factory);
    }

    /** Gives back a connection obtained from {@link #acquire(ConnectionFactory)}. */
    Publisher<Void> release(Connection connection, ConnectionFactory factory);

    /**
     * Emits the transaction managed outside Rowflow that an operation subscribed in the current
     * Reactor context must join, or completes empty when there is none (the default). Emit the
     * same {@link ExternalTransaction} instance for every operation of one transaction.
     */
    default Mono<ExternalTransaction> currentTransaction(ConnectionFactory factory) {
        return Mono.empty();
    }

    /**
     * Whether a read outside a transaction ({@link Operation#readOnly()}) whose connection was lost
     * before the read emitted anything runs again, up to twice, on a newly acquired connection.
     * Such a read changed nothing, so running it again is safe; a provider that routes reads to
     * replicas answers {@code true}, so that a replica going away mid-query fails no request (the
     * new acquisition finds another server). {@code false} by default: the loss is reported.
     *
     * @since 0.2
     */
    default boolean retriesLostReads() {
        return false;
    }

    /** The acquisition as a {@code Mono}. */
    default Mono<Connection> acquireMono(ConnectionFactory factory) {
        return Mono.from(acquire(factory));
    }
}

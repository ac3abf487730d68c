package io.rowflow.test.internal;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.ConnectionProvider;
import io.rowflow.ExternalTransaction;
import io.rowflow.observe.Operation;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A connection provider that lets every operation of a rollback-only test join the test's
 * transaction: it reports the transaction of the provider it wraps when there is one (a Spring
 * transaction, a savepoint of the test's), else the running test's transaction on the factory,
 * begun on first use. Outside rollback-only tests, and for work marked with
 * {@link io.rowflow.test.TestTransactions#outside()}, it is the wrapped provider.
 */
public final class RollbackConnectionProvider implements ConnectionProvider {

    /** The context key that takes work out of the test's transaction. */
    public static final Object OUTSIDE = new Object() {
        @Override
        public String toString() {
            return "io.rowflow.test.TestTransactions.outside";
        }
    };

    private final ConnectionProvider delegate;
    private final TransactionOpener opener;

    /** Wraps the provider; the opener begins the test's transaction when the provider reports none. */
    public RollbackConnectionProvider(ConnectionProvider delegate, TransactionOpener opener) {
        this.delegate = delegate;
        this.opener = opener;
    }

    /** What begins the test's transaction for this provider's databases. */
    public TransactionOpener opener() {
        return opener;
    }

    @Override
    public Mono<ExternalTransaction> currentTransaction(ConnectionFactory factory) {
        return Mono.deferContextual(context -> {
            Mono<ExternalTransaction> own = delegate.currentTransaction(factory);
            RunningTest test = RunningTest.current();
            if (context.hasKey(OUTSIDE) || test == null || !test.rollsBack()) {
                return own;
            }
            return own.switchIfEmpty(Mono.defer(() -> test.join(factory, opener).map(OpenTransaction::transaction)));
        });
    }

    @Override
    public Publisher<? extends Connection> acquire(ConnectionFactory factory) {
        return delegate.acquire(factory);
    }

    @Override
    public Publisher<? extends Connection> acquire(ConnectionFactory factory, Operation operation) {
        return delegate.acquire(factory, operation);
    }

    @Override
    public Publisher<Void> release(Connection connection, ConnectionFactory factory) {
        return delegate.release(connection, factory);
    }

    @Override
    public Mono<Connection> acquireMono(ConnectionFactory factory) {
        return delegate.acquireMono(factory);
    }

    @Override
    public String toString() {
        return "RollbackConnectionProvider[" + delegate + "]";
    }
}

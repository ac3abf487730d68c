package io.rowflow.test.spring;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.ConnectionProvider;
import io.rowflow.test.internal.OpenTransaction;
import io.rowflow.test.internal.TransactionOpener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.ReactiveTransaction;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionContextManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Begins a test's transaction as a Spring transaction of the application's
 * {@link ReactiveTransactionManager}, so that everything Spring runs in a transaction
 * ({@code @Transactional}, {@code TransactionalOperator}, {@code DatabaseClient}) can run in it too:
 * the Reactor context it was begun in is kept, and work that carries it (a request through
 * {@link TestTransactionWebFilter}) finds the transaction there. Rowflow joins it through the
 * application's connection provider, as it joins any Spring transaction. Without a transaction
 * manager, the test's transaction is a plain one on a connection of its own.
 */
final class SpringTestTransactions implements TransactionOpener {

    /** The context key marking work that runs in a test's Spring transaction. */
    static final Object IN_TEST_TRANSACTION = new Object() {
        @Override
        public String toString() {
            return "io.rowflow.test.spring.inTestTransaction";
        }
    };

    private final ConnectionProvider springProvider;
    private final ObjectProvider<ReactiveTransactionManager> transactionManager;

    SpringTestTransactions(ConnectionProvider springProvider, ObjectProvider<ReactiveTransactionManager> transactionManager) {
        this.springProvider = springProvider;
        this.transactionManager = transactionManager;
    }

    @Override
    public Mono<OpenTransaction> open(ConnectionFactory factory) {
        ReactiveTransactionManager manager = transactionManager.getIfUnique();
        if (manager == null) {
            return TransactionOpener.PLAIN.open(factory);
        }
        return Mono.deferContextual(context -> manager.getReactiveTransaction(new DefaultTransactionDefinition())
                        .flatMap(transaction -> springProvider.currentTransaction(factory)
                                .switchIfEmpty(Mono.error(() -> new IllegalStateException("The test's Spring transaction of "
                                        + manager + " does not run on the connection factory " + factory
                                        + " that Rowflow uses")))
                                .map(joined -> new OpenTransaction(joined, marked(context),
                                        rollback(manager, transaction, context)))))
                .contextWrite(TransactionContextManager.getOrCreateContext())
                .contextWrite(TransactionContextManager.getOrCreateContextHolder());
    }

    private static ContextView marked(ContextView context) {
        return reactor.util.context.Context.of(context).put(IN_TEST_TRANSACTION, Boolean.TRUE);
    }

    private static Mono<Void> rollback(ReactiveTransactionManager manager, ReactiveTransaction transaction,
                                       ContextView context) {
        return manager.rollback(transaction).contextWrite(current -> current.putAll(context)).cache();
    }
}

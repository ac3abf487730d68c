package io.rowflow.test.spring;

import org.springframework.transaction.ReactiveTransaction;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DelegatingTransactionDefinition;
import reactor.core.publisher.Mono;

/**
 * The application's transaction manager, except that inside a test's transaction a transaction
 * the application starts ({@code REQUIRED} or {@code REQUIRES_NEW}) becomes a savepoint of the
 * test's ({@code NESTED}): it commits and rolls back as in production, on the test's connection,
 * and the test's rollback undoes it in the end. Outside a test's transaction it changes nothing.
 */
final class TestAwareTransactionManager implements ReactiveTransactionManager {

    private final ReactiveTransactionManager delegate;

    TestAwareTransactionManager(ReactiveTransactionManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<ReactiveTransaction> getReactiveTransaction(TransactionDefinition definition) {
        return Mono.deferContextual(context -> context.hasKey(SpringTestTransactions.IN_TEST_TRANSACTION)
                && definition != null && startsOwnTransaction(definition.getPropagationBehavior())
                ? delegate.getReactiveTransaction(new Nested(definition))
                : delegate.getReactiveTransaction(definition));
    }

    @Override
    public Mono<Void> commit(ReactiveTransaction transaction) {
        return delegate.commit(transaction);
    }

    @Override
    public Mono<Void> rollback(ReactiveTransaction transaction) {
        return delegate.rollback(transaction);
    }

    private static boolean startsOwnTransaction(int propagation) {
        return propagation == TransactionDefinition.PROPAGATION_REQUIRED
                || propagation == TransactionDefinition.PROPAGATION_REQUIRES_NEW;
    }

    @Override
    public String toString() {
        return "TestAwareTransactionManager[" + delegate + "]";
    }

    /** The definition with savepoint propagation. */
    private static final class Nested extends DelegatingTransactionDefinition {
        Nested(TransactionDefinition definition) {
            super(definition);
        }

        @Override
        public int getPropagationBehavior() {
            return TransactionDefinition.PROPAGATION_NESTED;
        }
    }
}

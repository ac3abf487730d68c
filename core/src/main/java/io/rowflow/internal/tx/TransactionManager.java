package io.rowflow.internal.tx;

import io.rowflow.ConnectionProvider;
import io.rowflow.ExternalTransaction;
import io.rowflow.RowflowException;
import io.rowflow.Transaction;
import io.rowflow.TransactionOptions;
import io.rowflow.TransactionRollbackException;
import io.rowflow.internal.execution.Listeners;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.observe.OperationKind;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Starts transactions and savepoints and keeps the current one in the Reactor {@code Context}
 * under a key private to one database, so that two databases never share a transaction.
 *
 * <p>The outermost transaction commits when the callback's publisher completes and rolls back
 * when it errors or is cancelled. A statement that failed inside a scope dooms that scope: it
 * rolls back (and signals {@link TransactionRollbackException}) even if the error was handled, so
 * every database behaves like PostgreSQL, which refuses to commit after an error.
 *
 * <p>Outside its own transactions the manager asks the {@link ConnectionProvider} for a transaction
 * managed elsewhere and joins it with a scope of its own (a gate, no begin or commit), kept per
 * {@link ExternalTransaction} for as long as the provider holds on to that instance.
 */
public final class TransactionManager {

    /** The scopes of joined external transactions; an entry goes when its transaction's handle is dropped. */
    private static final Map<ExternalTransaction, TransactionScope> JOINED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final Object contextKey = new Object();
    private final ConnectionFactory factory;
    private final ConnectionProvider provider;
    private final Listeners listeners;

    /**
     * Creates a manager that gets the connection of each outermost transaction from the provider
     * (within the subscriber's context, like every other acquisition) and gives it back there, and
     * joins the external transactions the provider reports for the factory.
     */
    public TransactionManager(ConnectionFactory factory, ConnectionProvider provider, Listeners listeners) {
        this.factory = factory;
        this.provider = provider;
        this.listeners = listeners;
    }

    /** The innermost transaction scope of this database in the context, or {@code null}. */
    public @Nullable TransactionScope current(ContextView context) {
        return context.getOrDefault(contextKey, null);
    }

    /** Whether work may run in an external transaction the connection provider reports (Spring's). */
    public boolean joinsExternalTransactions() {
        return provider != ConnectionProvider.DEFAULT;
    }

    /**
     * Routes work by the transaction it runs in: {@code inScope} with the innermost scope of this
     * database in the context, else with the scope joining the provider's external transaction;
     * {@code outside} when there is neither.
     */
    public <T> Flux<T> route(ContextView context, Function<TransactionScope, Flux<T>> inScope,
                             Supplier<Flux<T>> outside) {
        TransactionScope current = current(context);
        if (current != null) {
            return inScope.apply(current);
        }
        if (provider == ConnectionProvider.DEFAULT) {
            return outside.get();
        }
        return provider.currentTransaction(factory)
                .map(external -> inScope.apply(joined(external)))
                .switchIfEmpty(Mono.fromSupplier(outside))
                .flatMapMany(Function.identity());
    }

    /** Runs the work in a transaction, or in a savepoint when one is already running. */
    public <T> Flux<T> inTransaction(TransactionOptions options, Function<Transaction, ? extends Publisher<T>> work) {
        return Flux.deferContextual(context -> route(context,
                current -> nested(current, work),
                () -> outermost(options, work)));
    }

    /** Runs the work in the current transaction, or in a new one when none is running (no savepoint). */
    public <T> Flux<T> required(Function<Transaction, ? extends Publisher<T>> work) {
        return Flux.deferContextual(context -> route(context,
                current -> Flux.from(work.apply(current)),
                () -> outermost(TransactionOptions.defaults(), work)));
    }

    private static TransactionScope joined(ExternalTransaction external) {
        return JOINED.computeIfAbsent(external, transaction -> TransactionScope.joining(transaction.connection()));
    }

    /**
     * An outermost transaction, reported to the listeners as one {@link OperationKind#TRANSACTION}
     * around its {@code BEGIN}, statements and {@code COMMIT} or {@code ROLLBACK} (each reported too).
     */
    private <T> Flux<T> outermost(TransactionOptions options, Function<Transaction, ? extends Publisher<T>> work) {
        boolean readOnly = options.readOnly();
        OperationShape transaction = OperationShape.of(OperationKind.TRANSACTION, null).inTransaction(readOnly);
        return listeners.around(transaction, run -> Flux.usingWhen(open(options, transaction),
                scope -> step(OperationKind.BEGIN, readOnly, scope.state().begin())
                        .thenMany(Flux.defer(() -> runIn(scope, work))),
                scope -> closeAfter(scope, step(OperationKind.COMMIT, readOnly, scope.state().commit())),
                (scope, error) -> closeAfter(scope, step(OperationKind.ROLLBACK, readOnly, scope.state().rollback()), error),
                scope -> closeAfter(scope, step(OperationKind.ROLLBACK, readOnly, scope.state().rollback())))
                .onErrorMap(TransactionManager::unwrapCleanupFailure));
    }

    /** The connection of an outermost transaction, from the provider (told the transaction's operation). */
    private Mono<TransactionScope> open(TransactionOptions options, OperationShape transaction) {
        return Mono.defer(() -> provider == ConnectionProvider.DEFAULT ? provider.acquireMono(factory)
                        : Mono.<Connection>from(provider.acquire(factory, listeners.describe(transaction, ""))))
                .onErrorMap(io.rowflow.internal.execution.ErrorTranslator::connectionFailure)
                .map(connection -> new TransactionScope(new TransactionState(connection, options,
                        () -> provider.release(connection, factory)), null));
    }

    /** A {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK}, reported to the listeners. */
    private Mono<Void> step(OperationKind kind, boolean readOnly, Mono<Void> action) {
        return listeners.step(OperationShape.of(kind, null).inTransaction(readOnly), kind.name(), action);
    }

    private <T> Flux<T> nested(TransactionScope parent, Function<Transaction, ? extends Publisher<T>> work) {
        TransactionState state = parent.state();
        Mono<TransactionScope> savepoint = Mono.defer(() -> {
            String name = state.nextSavepointName();
            return state.createSavepoint(name).thenReturn(new TransactionScope(state, name));
        }).doOnError(parent::statementFailed);
        return Flux.usingWhen(savepoint,
                scope -> runIn(scope, work),
                scope -> scope.state().releaseSavepoint(scope.savepoint()).doOnError(parent::statementFailed),
                (scope, error) -> rollbackTo(parent, scope),
                scope -> rollbackTo(parent, scope))
                .onErrorMap(TransactionManager::unwrapCleanupFailure);
    }

    /**
     * Runs the work with the scope in its context; when the work completes but the scope is doomed
     * (a statement failed, or it was marked rollback-only), ends with an error instead, so the
     * error path rolls back.
     */
    private <T> Flux<T> runIn(TransactionScope scope, Function<Transaction, ? extends Publisher<T>> work) {
        return Flux.from(work.apply(scope))
                .concatWith(Mono.defer(() -> scope.isRollbackOnly() ? Mono.error(doomed(scope)) : Mono.empty()))
                .contextWrite(context -> context.put(contextKey, scope));
    }

    private static Mono<Void> rollbackTo(TransactionScope parent, TransactionScope scope) {
        return scope.state().rollbackToSavepoint(scope.savepoint()).doOnError(parent::statementFailed);
    }

    /** Reactor wraps a failed commit or release in a plain RuntimeException; surface Rowflow's own error. */
    private static Throwable unwrapCleanupFailure(Throwable error) {
        if (error.getClass() == RuntimeException.class && error.getCause() instanceof RowflowException cause) {
            return cause;
        }
        return error;
    }

    private static TransactionRollbackException doomed(TransactionScope scope) {
        String what = scope.isNested() ? "savepoint " + scope.savepoint() : "transaction";
        Throwable failure = scope.failure();
        String reason = failure == null ? "it was marked rollback-only"
                : "a statement inside it failed: " + failure.getMessage();
        return new TransactionRollbackException("Rolled back the " + what + " instead of committing, because "
                + reason, failure);
    }

    /** Runs the action, then closes the connection whatever the action's outcome. */
    private static Mono<Void> closeAfter(TransactionScope scope, Mono<Void> action) {
        return closeAfter(scope, action, null);
    }

    /** As above; after a failure that lost the connection, it is discarded rather than pooled again. */
    private static Mono<Void> closeAfter(TransactionScope scope, Mono<Void> action, @Nullable Throwable failure) {
        Mono<Void> close = failure == null ? scope.state().close() : scope.state().closeAfter(failure);
        return action
                .onErrorResume(error -> close.onErrorResume(ignored -> Mono.empty()).then(Mono.error(error)))
                .then(close);
    }
}

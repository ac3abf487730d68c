package io.rowflow.internal.tx;

import io.rowflow.TransactionOptions;
import io.rowflow.internal.execution.ErrorTranslator;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The connection of one running transaction, and the gate that queues its statements.
 */
public final class TransactionState {

    private final Connection connection;
    private final TransactionOptions options;
    private final Supplier<Publisher<Void>> release;
    private final ConnectionGate gate = new ConnectionGate();
    private final AtomicInteger savepoints = new AtomicInteger();
    private final AtomicInteger cursors = new AtomicInteger();
    private final Sinks.Empty<Void> begun = Sinks.empty();
    private volatile boolean statementsRan;
    private final java.util.concurrent.atomic.AtomicBoolean beginStarted = new java.util.concurrent.atomic.AtomicBoolean();

    TransactionState(Connection connection, TransactionOptions options, Supplier<Publisher<Void>> release) {
        this.connection = connection;
        this.options = options;
        this.release = release;
    }

    TransactionOptions options() {
        return options;
    }

    /**
     * Runs work on the transaction's connection once every earlier statement has finished. The
     * permit is released on completion, error and cancellation.
     */
    public <T> Flux<T> run(Function<Connection, ? extends Publisher<T>> work) {
        return Flux.usingWhen(gate.acquire().doOnNext(permit -> statementsRan = true),
                permit -> work.apply(connection),
                ConnectionGate.Permit::release,
                (permit, error) -> permit.release(),
                ConnectionGate.Permit::release);
    }

    /**
     * Starts the transaction. The {@code BEGIN} runs to its end even if the subscriber cancels
     * meanwhile, and {@link #rollback()} waits for it: a rollback issued while {@code BEGIN} was
     * still in flight would find no transaction yet, skip, and leave the connection in one.
     */
    Mono<Void> begin() {
        return Mono.deferContextual(context -> {
            beginStarted.set(true);
            Mono.from(options.equals(TransactionOptions.defaults())
                            ? connection.beginTransaction()
                            : connection.beginTransaction(definition(options)))
                    .contextWrite(context)
                    .subscribe(null, begun::tryEmitError, begun::tryEmitEmpty);
            return begun.asMono();
        }).onErrorMap(error -> ErrorTranslator.translate(error, "BEGIN"));
    }

    /**
     * Commits. When no statement ran since {@code BEGIN}, first makes one round trip so the
     * driver has seen the server confirm the transaction (r2dbc-postgresql skips a commit it
     * believes has no transaction, which would leave the connection inside one).
     */
    Mono<Void> commit() {
        Mono<Void> ready = Mono.defer(() -> statementsRan ? Mono.empty() : inSync().then());
        return ready.then(Mono.defer(() -> Mono.from(connection.commitTransaction())))
                .onErrorMap(error -> ErrorTranslator.translate(error, "COMMIT"));
    }

    /** One round trip to the server, after which the driver's view of the transaction status is current. */
    private Mono<Boolean> inSync() {
        return Mono.defer(() -> Mono.from(connection.validate(ValidationDepth.REMOTE)))
                .onErrorResume(error -> Mono.just(false));
    }

    /**
     * Rolls back, after the {@code BEGIN} finished and after a round trip that brings the driver's
     * view of the transaction status up to date: a rollback the driver skipped because it had not
     * yet seen the transaction start would send the connection back to the pool inside it.
     */
    Mono<Void> rollback() {
        Mono<Void> afterBegin = Mono.defer(() -> beginStarted.get()
                ? begun.asMono().onErrorResume(error -> Mono.empty()) : Mono.empty());
        return afterBegin.then(inSync()).then(Mono.defer(() -> Mono.from(connection.rollbackTransaction())))
                .onErrorMap(error -> ErrorTranslator.translate(error, "ROLLBACK"));
    }

    /** Gives the connection back to where it came from. */
    Mono<Void> close() {
        return Mono.defer(() -> Mono.from(release.get()));
    }

    /** As {@link #close()}; after a failure that lost the connection, it is discarded rather than pooled again. */
    Mono<Void> closeAfter(Throwable failure) {
        return Mono.defer(() -> io.rowflow.internal.execution.BrokenConnections.releaseAfter(failure, connection,
                release.get()));
    }

    String nextSavepointName() {
        return "rowflow_savepoint_" + savepoints.incrementAndGet();
    }

    /** A cursor name not used before in this transaction. */
    public String nextCursorName() {
        return "rowflow_cursor_" + cursors.incrementAndGet();
    }

    Mono<Void> createSavepoint(String name) {
        return run(c -> c.createSavepoint(name)).then()
                .onErrorMap(error -> ErrorTranslator.translate(error, "SAVEPOINT " + name));
    }

    Mono<Void> releaseSavepoint(String name) {
        return run(c -> c.releaseSavepoint(name)).then()
                .onErrorMap(error -> ErrorTranslator.translate(error, "RELEASE SAVEPOINT " + name));
    }

    Mono<Void> rollbackToSavepoint(String name) {
        return run(c -> c.rollbackTransactionToSavepoint(name)).then()
                .onErrorMap(error -> ErrorTranslator.translate(error, "ROLLBACK TO SAVEPOINT " + name));
    }

    private static TransactionDefinition definition(TransactionOptions options) {
        @Nullable IsolationLevel isolation = options.isolationLevel();
        boolean readOnly = options.readOnly();
        return new TransactionDefinition() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> @Nullable T getAttribute(Option<T> option) {
                if (option.equals(TransactionDefinition.ISOLATION_LEVEL)) {
                    return (T) isolation;
                }
                if (option.equals(TransactionDefinition.READ_ONLY)) {
                    return (T) Boolean.valueOf(readOnly);
                }
                return null;
            }
        };
    }

    @Override
    public String toString() {
        return "TransactionState[" + connection + "]";
    }
}

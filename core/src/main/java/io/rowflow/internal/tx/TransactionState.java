package io.rowflow.internal.tx;

import io.rowflow.TransactionOptions;
import io.rowflow.internal.execution.ErrorTranslator;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.TransactionDefinition;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The connection of one running transaction, and the gate that queues its statements.
 */
public final class TransactionState {

    private final Connection connection;
    private final TransactionOptions options;
    private final ConnectionGate gate = new ConnectionGate();
    private final AtomicInteger savepoints = new AtomicInteger();

    TransactionState(Connection connection, TransactionOptions options) {
        this.connection = connection;
        this.options = options;
    }

    TransactionOptions options() {
        return options;
    }

    /**
     * Runs work on the transaction's connection once every earlier statement has finished. The
     * permit is released on completion, error and cancellation.
     */
    public <T> Flux<T> run(Function<Connection, ? extends Publisher<T>> work) {
        return Flux.usingWhen(gate.acquire(),
                permit -> work.apply(connection),
                ConnectionGate.Permit::release,
                (permit, error) -> permit.release(),
                ConnectionGate.Permit::release);
    }

    Mono<Void> begin() {
        return Mono.defer(() -> Mono.from(options.equals(TransactionOptions.defaults())
                        ? connection.beginTransaction()
                        : connection.beginTransaction(definition(options))))
                .onErrorMap(error -> ErrorTranslator.translate(error, "BEGIN"));
    }

    Mono<Void> commit() {
        return Mono.defer(() -> Mono.from(connection.commitTransaction()))
                .onErrorMap(error -> ErrorTranslator.translate(error, "COMMIT"));
    }

    Mono<Void> rollback() {
        return Mono.defer(() -> Mono.from(connection.rollbackTransaction()))
                .onErrorMap(error -> ErrorTranslator.translate(error, "ROLLBACK"));
    }

    Mono<Void> close() {
        return Mono.defer(() -> Mono.from(connection.close()));
    }

    String nextSavepointName() {
        return "rowflow_savepoint_" + savepoints.incrementAndGet();
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

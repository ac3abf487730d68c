package io.rowflow.test.internal;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.ExternalTransaction;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/** Begins a test's transaction on a connection factory. */
@FunctionalInterface
public interface TransactionOpener {

    /** A connection of its own from the factory, with a transaction begun on it. */
    TransactionOpener PLAIN = TransactionOpener::onOwnConnection;

    /** Emits the begun transaction; the caller rolls it back with {@link OpenTransaction#rollback()}. */
    Mono<OpenTransaction> open(ConnectionFactory factory);

    private static Mono<OpenTransaction> onOwnConnection(ConnectionFactory factory) {
        return Mono.<Connection>from(factory.create()).flatMap(connection -> Mono.from(connection.beginTransaction())
                .onErrorResume(error -> Mono.from(connection.close()).then(Mono.error(error)))
                .thenReturn(new OpenTransaction(ExternalTransaction.of(connection), Context.empty(),
                        rollbackAndClose(connection))));
    }

    private static Mono<Void> rollbackAndClose(Connection connection) {
        Mono<Void> close = Mono.from(connection.close());
        return Mono.from(connection.rollbackTransaction())
                .onErrorResume(error -> close.onErrorResume(ignored -> Mono.empty()).then(Mono.error(error)))
                .then(close)
                .cache();
    }
}

package io.rowflow;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * How operations outside a Rowflow transaction obtain and give back connections. The default
 * creates a connection from the factory and closes it afterwards. An integration can join a
 * transaction managed elsewhere instead: the Spring starter hands out the connection of a Spring
 * reactive transaction found in the Reactor context, and releases it without closing.
 *
 * <p>{@link #acquire(ConnectionFactory)} is subscribed within the operation's Reactor context.
 * Whatever the provider hands out, Rowflow releases it exactly once, on completion, error and
 * cancellation alike. Rowflow's own {@code inTransaction} does not use the provider: it always
 * opens and owns its connection.
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

    /** Gives back a connection obtained from {@link #acquire(ConnectionFactory)}. */
    Publisher<Void> release(Connection connection, ConnectionFactory factory);

    /** The acquisition as a {@code Mono}. */
    default Mono<Connection> acquireMono(ConnectionFactory factory) {
        return Mono.from(acquire(factory));
    }
}

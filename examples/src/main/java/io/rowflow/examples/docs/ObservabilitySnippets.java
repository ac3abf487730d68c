package io.rowflow.examples.docs;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.ConnectionProvider;
import io.rowflow.Database;
import io.rowflow.examples.Author;
import io.rowflow.observe.Operation;
import io.rowflow.observe.OperationListener;
import io.rowflow.observe.micrometer.RowflowObservation;
import java.time.Duration;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The code samples of {@code docs/observability.md}, run by {@code ObservabilitySnippetsTest}.
 */
public final class ObservabilitySnippets {

    private ObservabilitySnippets() {
    }

    /** Micrometer Observation: a span and a timer per statement and per transaction. */
    public static Database observed(ConnectionFactory factory, ObservationRegistry registry) {
        return Database.builder(factory)
                .listener(RowflowObservation.listener(registry))
                .build();
    }

    /** A parent observation for Rowflow's statements outside Spring WebFlux (which does this for you). */
    public static Mono<Author> insideAnObservation(Database db, Observation parent, long id) {
        return db.findById(Author.class, id)
                .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, parent));
    }

    /** A listener of your own: reports statements slower than a threshold, with what they were for. */
    public static Database withSlowStatements(ConnectionFactory factory, Duration threshold, Consumer<String> report) {
        return Database.builder(factory)
                .listener((operation, context) -> {
                    long started = System.nanoTime();
                    return new OperationListener.Execution() {
                        @Override
                        public void end() {
                            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                            if (millis >= threshold.toMillis()) {
                                report.accept(operation.kind() + " " + operation.entityType() + " took " + millis
                                        + " ms: " + operation.sql());
                            }
                        }
                    };
                })
                .build();
    }

    /** Connection acquisition that sends read-only work to another connection factory (a replica). */
    public static ConnectionProvider readsTo(ConnectionFactory replica) {
        return new ConnectionProvider() {
            @Override
            public Publisher<? extends Connection> acquire(ConnectionFactory primary) {
                return primary.create();
            }

            @Override
            public Publisher<? extends Connection> acquire(ConnectionFactory primary, Operation operation) {
                return operation.readOnly() ? replica.create() : primary.create();
            }

            @Override
            public Publisher<Void> release(Connection connection, ConnectionFactory primary) {
                return connection.close();
            }
        };
    }
}

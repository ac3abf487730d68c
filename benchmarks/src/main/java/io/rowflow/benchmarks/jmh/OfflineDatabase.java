package io.rowflow.benchmarks.jmh;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.rowflow.Database;
import io.rowflow.dialect.PostgresDialect;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** A PostgreSQL-dialect {@link Database} that never connects: for measuring what happens in memory. */
final class OfflineDatabase {

    private OfflineDatabase() {
    }

    static Database create() {
        ConnectionFactory none = new ConnectionFactory() {
            @Override
            public Publisher<? extends Connection> create() {
                return Mono.error(new IllegalStateException("the microbenchmarks never connect"));
            }

            @Override
            public ConnectionFactoryMetadata getMetadata() {
                return () -> "PostgreSQL";
            }
        };
        return Database.builder(none).dialect(new PostgresDialect()).build();
    }
}

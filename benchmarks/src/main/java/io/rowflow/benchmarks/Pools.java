package io.rowflow.benchmarks;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.time.Duration;

/** The one pool configuration every contender gets: same size, finite acquire timeout. */
public final class Pools {

    /** How long a request may wait for a pooled connection before failing (never forever). */
    public static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(30);

    private Pools() {
    }

    /** The driver's options for the URL, with the benchmark schema as the search path. */
    public static ConnectionFactoryOptions options(String url, String schema) {
        return ConnectionFactoryOptions.parse(url).mutate().option(Option.valueOf("schema"), schema).build();
    }

    /** A pool of {@code size} connections (all opened up front) over a statement-counting factory. */
    public static ConnectionPool create(CountingConnectionFactory counting, int size) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(counting)
                .initialSize(size)
                .maxSize(size)
                .maxAcquireTime(ACQUIRE_TIMEOUT)
                .maxCreateConnectionTime(ACQUIRE_TIMEOUT)      // JVMs starting together on a loaded machine take a while
                .build());
    }

    /** A statement-counting factory for the URL and schema. */
    public static CountingConnectionFactory counting(String url, String schema) {
        return new CountingConnectionFactory(ConnectionFactories.get(options(url, schema)));
    }
}

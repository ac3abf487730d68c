package io.rowflow.spring.boot;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.rowflow.RowflowException;
import io.rowflow.replica.ReplicaRouting;
import io.rowflow.replica.ReplicaSelector;
import io.rowflow.spring.SpringTransactionConnectionProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When {@code rowflow.replicas[0].url} is set: a pool per replica and a {@link ReplicaRouting}
 * over them as the database's connection provider, whose primary connections still join Spring's
 * reactive transactions ({@link SpringTransactionConnectionProvider}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "rowflow", name = "replicas[0].url")
class ReplicaRoutingConfiguration {

    /** A pool per configured replica, disposed with the context. */
    @Bean(destroyMethod = "close")
    ReplicaPools rowflowReplicaPools(RowflowProperties properties) {
        List<ReplicaPools.Named> pools = new ArrayList<>();
        List<RowflowProperties.ReplicaProperties> replicas = properties.replicas();
        for (int i = 0; i < replicas.size(); i++) {
            RowflowProperties.ReplicaProperties replica = replicas.get(i);
            String name = replica.name() == null || replica.name().isBlank() ? "replica-" + (i + 1) : replica.name();
            pools.add(new ReplicaPools.Named(name, pool(replica, "rowflow.replicas[" + i + "]")));
        }
        return new ReplicaPools(pools);
    }

    /** Reads to the replicas, writes and read-write transactions to the application's connection factory. */
    @Bean(destroyMethod = "close")
    ReplicaRouting rowflowReplicaRouting(ConnectionFactory connectionFactory, RowflowProperties properties,
                                         ReplicaPools pools) {
        RowflowProperties.RoutingProperties routing = properties.routing();
        ReplicaRouting.Builder builder = ReplicaRouting.builder(connectionFactory)
                .primaryProvider(new SpringTransactionConnectionProvider())
                .selector(selector(routing.selector()))
                .maxLag(routing.maxLag())
                .readYourWritesWait(routing.readYourWritesWait())
                .healthCheckInterval(routing.healthCheckInterval());
        pools.pools().forEach(named -> builder.replica(named.name(), named.pool()));
        return builder.build();
    }

    private static ConnectionPool pool(RowflowProperties.ReplicaProperties replica, String property) {
        if (replica.url() == null || replica.url().isBlank()) {
            throw new RowflowException(property + ".url is missing: every replica needs an R2DBC URL");
        }
        ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.parse(replica.url()).mutate();
        if (replica.username() != null) {
            options.option(ConnectionFactoryOptions.USER, replica.username());
        }
        if (replica.password() != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, replica.password());
        }
        ConnectionFactory factory = ConnectionFactories.get(options.build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .maxSize(replica.poolSize())
                .initialSize(0)
                .maxAcquireTime(Duration.ofSeconds(30))
                .build());
    }

    static ReplicaSelector selector(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "round-robin" -> ReplicaSelector.roundRobin();
            case "least-busy" -> ReplicaSelector.leastBusy();
            default -> throw new RowflowException("rowflow.routing.selector=" + name
                    + " names no selector; use round-robin or least-busy, or define a ReplicaRouting bean");
        };
    }

    /** The replicas' pools, by name. */
    static final class ReplicaPools implements AutoCloseable {

        private final List<Named> pools;

        ReplicaPools(List<Named> pools) {
            this.pools = List.copyOf(pools);
        }

        List<Named> pools() {
            return pools;
        }

        @Override
        public void close() {
            pools.forEach(named -> named.pool().dispose());
        }

        record Named(String name, ConnectionPool pool) {
        }
    }
}

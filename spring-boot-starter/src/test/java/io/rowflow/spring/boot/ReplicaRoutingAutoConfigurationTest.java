package io.rowflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rowflow.ConnectionProvider;
import io.rowflow.Database;
import io.rowflow.observe.micrometer.ReplicaMeters;
import io.rowflow.replica.Replica;
import io.rowflow.replica.ReplicaRouting;
import io.rowflow.spring.SpringTransactionConnectionProvider;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@code rowflow.replicas[i].*} and {@code rowflow.routing.*}: the starter routes reads to the
 * configured replicas (the PostgreSQL standby of {@code scripts/postgres-replica.sh}), keeps
 * Spring transactions on the primary and publishes the routing's meters.
 */
class ReplicaRoutingAutoConfigurationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class,
                    R2dbcTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    RowflowAutoConfiguration.class, RowflowMetricsAutoConfiguration.class));

    private static Mono<Boolean> inRecovery(Database db) {
        return db.sql("SELECT pg_is_in_recovery()").map(row -> row.get(0, Boolean.class)).fetchOne();
    }

    @Test
    void routesReadsToTheConfiguredReplicaAndSpringTransactionsToThePrimary() {
        runner.withPropertyValues("spring.r2dbc.url=" + TestDatabases.postgresUrl(),
                "rowflow.replicas[0].name=standby", "rowflow.replicas[0].url=" + TestDatabases.postgresReplicaUrl(),
                "rowflow.replicas[0].pool-size=4", "rowflow.routing.selector=least-busy",
                "rowflow.routing.max-lag=2s", "rowflow.routing.read-your-writes-wait=50ms").run(context -> {
            assertThat(context).hasSingleBean(ReplicaRouting.class).doesNotHaveBean(SpringTransactionConnectionProvider.class);
            Database db = context.getBean(Database.class);
            ReplicaRouting routing = context.getBean(ReplicaRouting.class);
            assertThat(context.getBean(ConnectionProvider.class)).isSameAs(routing);
            assertThat(routing.replicas()).extracting(Replica::name).containsExactly("standby");

            assertThat(inRecovery(db).block(TIMEOUT)).as("raw SQL on the primary").isFalse();
            assertThat(inRecovery(db).contextWrite(ReplicaRouting.onReplica()).block(TIMEOUT)).isTrue();
            TransactionalOperator transactional = context.getBean(TransactionalOperator.class);
            assertThat(inRecovery(db).contextWrite(ReplicaRouting.onReplica()).as(transactional::transactional).block(TIMEOUT))
                    .as("inside a Spring transaction Rowflow joins its connection on the primary").isFalse();

            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(ReplicaMeters.class).bindTo(registry);
            assertThat(registry.get("rowflow.replica.reads").tag("replica", "standby").functionCounter().count()).isEqualTo(1.0);
        });
    }

    @Test
    void withoutReplicasTheProviderJoinsSpringTransactionsOnly() {
        runner.withPropertyValues("spring.r2dbc.url=" + TestDatabases.postgresUrl()).run(context -> {
            assertThat(context).doesNotHaveBean(ReplicaRouting.class).doesNotHaveBean(ReplicaMeters.class);
            assertThat(context.getBean(ConnectionProvider.class)).isInstanceOf(SpringTransactionConnectionProvider.class);
        });
    }

    @Test
    void anUnknownSelectorFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("spring.r2dbc.url=" + TestDatabases.postgresUrl(),
                "rowflow.replicas[0].url=" + TestDatabases.postgresReplicaUrl(), "rowflow.routing.selector=nearest")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("rowflow.routing.selector=nearest names no selector"));
    }
}

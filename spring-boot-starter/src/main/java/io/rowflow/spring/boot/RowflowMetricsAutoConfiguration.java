package io.rowflow.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.rowflow.Database;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import io.rowflow.observe.micrometer.ReplicaMeters;
import io.rowflow.replica.ReplicaRouting;

/**
 * When Micrometer is on the class path, publishes the {@link Database} bean's coalescing
 * statistics as meters through a {@link CoalescingMetrics} binder (Spring Boot Actuator binds
 * every such bean to its registries), and a {@link ReplicaRouting} bean's through {@link ReplicaMeters}. Backs off for an application's own {@code CoalescingMetrics}.
 *
 * @since 0.1
 */
@AutoConfiguration(after = RowflowAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(Database.class)
public final class RowflowMetricsAutoConfiguration {

    /** The binder of the database's coalescing counters. */
    @Bean
    @ConditionalOnMissingBean(CoalescingMetrics.class)
    public CoalescingMetrics rowflowCoalescingMetrics(Database database) {
        return new CoalescingMetrics(database);
    }

    /** The meters of the replica routing, when the database routes reads to replicas. */
    @Bean
    @ConditionalOnBean(ReplicaRouting.class)
    @ConditionalOnMissingBean(ReplicaMeters.class)
    public ReplicaMeters rowflowReplicaMeters(ReplicaRouting routing) {
        return new ReplicaMeters(routing);
    }

    @Override
    public String toString() {
        return "RowflowMetricsAutoConfiguration";
    }
}

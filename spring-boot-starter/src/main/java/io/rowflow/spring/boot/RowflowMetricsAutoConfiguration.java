package io.rowflow.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.rowflow.Database;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * When Micrometer is on the class path, publishes the {@link Database} bean's coalescing
 * statistics as meters through a {@link CoalescingMetrics} binder (Spring Boot Actuator binds
 * every such bean to its registries). Backs off for an application's own {@code CoalescingMetrics}.
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

    @Override
    public String toString() {
        return "RowflowMetricsAutoConfiguration";
    }
}

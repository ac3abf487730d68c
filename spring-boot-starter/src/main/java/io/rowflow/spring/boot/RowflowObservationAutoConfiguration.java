package io.rowflow.spring.boot;

import io.micrometer.observation.ObservationRegistry;
import io.rowflow.observe.micrometer.RowflowObservation;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * When Micrometer Observation is on the class path and the application has an
 * {@link ObservationRegistry} bean (Spring Boot makes one with Actuator or
 * {@code spring-boot-micrometer-observation}), registers {@link RowflowObservation} on the
 * auto-configured database, so each statement and transaction is an observation nested under the
 * HTTP request's. Off with {@code rowflow.observation.enabled=false}.
 *
 * @since 0.2
 */
@AutoConfiguration(before = RowflowAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnProperty(prefix = "rowflow.observation", name = "enabled", matchIfMissing = true)
public final class RowflowObservationAutoConfiguration {

    /** Adds the observation listener to the database builder. */
    @Bean
    public DatabaseBuilderCustomizer rowflowObservation(ObservationRegistry registry) {
        return builder -> builder.listener(RowflowObservation.listener(registry));
    }

    @Override
    public String toString() {
        return "RowflowObservationAutoConfiguration";
    }
}

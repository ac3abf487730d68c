package io.rowflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.rowflow.Database;
import io.rowflow.observe.micrometer.RowflowObservation;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The observation auto-configuration: on with an ObservationRegistry bean, off without one or by property. */
class ObservationAutoConfigurationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, RowflowAutoConfiguration.class,
                    RowflowObservationAutoConfiguration.class))
            .withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///observation_config?options=DB_CLOSE_DELAY=-1");

    @Test
    void statementsAreObservedThroughTheApplicationsRegistry() {
        runner.withUserConfiguration(TestRegistry.class).run(context -> {
            Database db = context.getBean(Database.class);
            db.sql("SELECT 1").map(row -> row.get(0, Integer.class)).fetchOne().block(TIMEOUT);

            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .hasObservationWithNameEqualTo(RowflowObservation.STATEMENT)
                    .that().hasLowCardinalityKeyValue(RowflowObservation.OPERATION, "sql")
                    .hasLowCardinalityKeyValue(RowflowObservation.DB_SYSTEM, "h2");
        });
    }

    @Test
    void thePropertyTurnsObservationOff() {
        runner.withUserConfiguration(TestRegistry.class).withPropertyValues("rowflow.observation.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean("rowflowObservation");
                    context.getBean(Database.class).sql("SELECT 1").map(row -> row.get(0, Integer.class)).fetchOne()
                            .block(TIMEOUT);
                    TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                            .doesNotHaveAnyObservation();
                });
    }

    @Test
    void withoutAnObservationRegistryNothingIsRegistered() {
        runner.run(context -> assertThat(context).hasSingleBean(Database.class).doesNotHaveBean("rowflowObservation"));
    }

    @Configuration(proxyBeanMethods = false)
    static class TestRegistry {
        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }
}

package io.rowflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import io.rowflow.SchemaValidationException;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.spring.boot.scanned.Shelf;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Spring Boot's Flyway auto-configuration migrates the schema over JDBC ({@code spring.flyway.url})
 * before the Rowflow {@code Database} exists, and start-up schema validation checks the migrated
 * schema: a matching entity lets the application start, a wrong one fails the start — after the
 * migrations ran.
 */
abstract class FlywayStartupContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** {@code spring.r2dbc.*} and {@code spring.flyway.*} properties naming one fresh database or schema. */
    protected abstract String[] connectionProperties();

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, FlywayAutoConfiguration.class,
                        RowflowAutoConfiguration.class))
                .withPropertyValues(connectionProperties())
                .withPropertyValues("spring.flyway.locations=classpath:db/rowflow-flyway-test");
    }

    @Test
    void migrationsRunBeforeTheDatabaseIsCreatedAndValidationAcceptsTheirSchema() {
        runner().withPropertyValues("rowflow.schema.validate=true", "rowflow.schema.entities=" + Shelf.class.getName())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(Arrays.asList(context.getBeanFactory().getBeanDefinition("rowflowDatabase").getDependsOn()))
                            .contains("flywayInitializer");
                    Database db = context.getBean(Database.class);
                    assertThat(db.findAll(Shelf.class).map(Shelf::label).collectList().block(TIMEOUT))
                            .containsExactlyInAnyOrder("poetry", "travel");
                });
    }

    @Test
    void aWrongEntityFailsTheStartAfterTheMigrations() {
        runner().withPropertyValues("rowflow.schema.validate=true",
                        "rowflow.schema.entities=" + Shelf.class.getName() + "," + WrongShelf.class.getName())
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .isInstanceOf(SchemaValidationException.class)
                            .hasMessageContaining("capacity")
                            .hasMessageNotContaining("table 'shelf' does not exist");
                });
    }

    /** The shelf table as a wrong mapping describes it: with a column the migrations never created. */
    @Table(name = "shelf")
    public record WrongShelf(@Id Long id, String label, Integer capacity) {
    }
}

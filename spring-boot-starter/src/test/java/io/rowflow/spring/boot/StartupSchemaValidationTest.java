package io.rowflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import io.rowflow.SchemaValidationException;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.spring.boot.scanned.ScannedApplication;
import io.rowflow.spring.boot.scanned.Shelf;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code rowflow.schema.validate=true} validates the listed or scanned entities when the
 * application starts, and a mismatch fails the start; without the property nothing is validated.
 */
class StartupSchemaValidationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, RowflowAutoConfiguration.class));

    /** An H2 database that outlives its connections, with the shelf table created. */
    private static String databaseWithShelves() {
        String url = "r2dbc:h2:mem:///validation_" + DATABASES.incrementAndGet()
                + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        try (Database db = Database.connect(url)) {
            db.sql("create table shelf (id bigint primary key, label varchar(40))").execute().block(TIMEOUT);
        }
        return url;
    }

    @Test
    void nothingIsValidatedByDefault() {
        runner.withPropertyValues("spring.r2dbc.url=" + databaseWithShelves(),
                        "rowflow.schema.entities=" + Unshelved.class.getName())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(StartupSchemaValidation.class);
                });
    }

    @Test
    void listedEntitiesThatMatchLetTheApplicationStart() {
        runner.withPropertyValues("spring.r2dbc.url=" + databaseWithShelves(), "rowflow.schema.validate=true",
                        "rowflow.schema.entities=" + Shelf.class.getName())
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(StartupSchemaValidation.class));
    }

    @Test
    void aMismatchFailsTheStartNamingEveryProblem() {
        runner.withPropertyValues("spring.r2dbc.url=" + databaseWithShelves(), "rowflow.schema.validate=true",
                        "rowflow.schema.entities=" + Shelf.class.getName() + "," + Unshelved.class.getName())
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .isInstanceOf(SchemaValidationException.class)
                            .hasMessageContaining("table 'unshelved' does not exist");
                });
    }

    @Test
    void withoutAListTheApplicationsPackagesAreScanned() {
        runner.withUserConfiguration(ScannedApplication.class)
                .withPropertyValues("spring.r2dbc.url=" + databaseWithShelves(), "rowflow.schema.validate=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(StartupSchemaValidation.class).entities()).containsExactly(Shelf.class);
                });
    }

    /** An entity whose table does not exist. */
    @Table(name = "unshelved")
    public record Unshelved(@Id Long id) {
    }
}

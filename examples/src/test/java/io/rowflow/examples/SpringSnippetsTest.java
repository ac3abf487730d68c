package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.examples.docs.SpringSnippets;
import io.rowflow.spring.boot.RowflowAutoConfiguration;
import io.rowflow.test.CountingConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Runs the configuration samples of docs/spring.md in application contexts on embedded H2. */
class SpringSnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class,
                    R2dbcTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    RowflowAutoConfiguration.class));

    @Test
    void converterBeansAndCustomizersShapeTheAutoConfiguredDatabase() {
        CountingConnectionFactory counting = new CountingConnectionFactory(TestDatabases.h2());
        runner.withBean(ConnectionFactory.class, () -> counting)
                .withUserConfiguration(SpringSnippets.CustomizedDatabase.class)
                .run(context -> {
                    Database db = context.getBean(Database.class);
                    assertThat(db.sql("select cast(:year as int)").bind("year", Year.of(1969)).mapTo(Year.class)
                            .fetchOne().block(TIMEOUT)).isEqualTo(Year.of(1969));

                    db.schema().create(Author.class).block(TIMEOUT);
                    counting.reset();
                    List<Author> authors = IntStream.range(0, 1_000).mapToObj(i -> Author.named("author " + i, 1900)).toList();
                    assertThat(db.insertAll(authors).count().block(TIMEOUT)).isEqualTo(1_000);
                    assertThat(counting.executedSql()).filteredOn(sql -> sql.contains("INSERT INTO"))
                            .as("1,000 rows in insert statements of 500").hasSize(2);
                });
    }

    @Test
    void anOwnDatabaseWithTheSpringProviderJoinsSpringTransactions() {
        runner.withPropertyValues("spring.r2dbc.url=" + TestDatabases.h2Url())
                .withUserConfiguration(SpringSnippets.OwnDatabase.class)
                .run(context -> {
                    Database db = context.getBean(Database.class);
                    db.schema().create(Author.class).block(TIMEOUT);
                    db.insert(Author.named("rolled back", 1900))
                            .then(Mono.error(new IllegalStateException("undo")))
                            .as(context.getBean(TransactionalOperator.class)::transactional)
                            .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                            .block(TIMEOUT);

                    assertThat(db.count(Author.class).block(TIMEOUT)).isZero();
                });
    }
}

package io.rowflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Coalescing;
import io.rowflow.ConnectionProvider;
import io.rowflow.Database;
import io.rowflow.convert.Converter;
import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.H2Dialect;
import io.rowflow.dialect.MariaDbDialect;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.spring.SpringTransactionConnectionProvider;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.time.Year;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auto-configuration in application contexts built like Spring Boot builds them, on real
 * databases: the bean comes from {@code spring.r2dbc.*}, the dialect is detected or chosen,
 * converter and customizer beans are applied, and user beans make it back off.
 */
class RowflowAutoConfigurationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class,
                    R2dbcTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    RowflowAutoConfiguration.class));

    private static String h2Url() {
        return "r2dbc:h2:mem:///starter_" + DATABASES.incrementAndGet() + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    }

    private static Integer answer(Database db) {
        return db.sql("select 40 + 2").mapTo(Integer.class).fetchOne().block(TIMEOUT);
    }

    @Test
    void createsThePooledDatabaseFromSpringR2dbcProperties() {
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url(), "spring.r2dbc.pool.initial-size=1",
                "spring.r2dbc.pool.max-size=3").run(context -> {
            Database db = context.getBean(Database.class);
            assertThat(db.connectionFactory()).isSameAs(context.getBean(ConnectionFactory.class))
                    .isInstanceOf(ConnectionPool.class);
            ConnectionPool pool = (ConnectionPool) db.connectionFactory();
            assertThat(pool.getMetrics().orElseThrow().getMaxAllocatedSize()).isEqualTo(3);
            assertThat(db.dialect()).isInstanceOf(H2Dialect.class);
            assertThat(context.getBean(ConnectionProvider.class)).isInstanceOf(SpringTransactionConnectionProvider.class);
            assertThat(answer(db)).isEqualTo(42);
        });
    }

    @Test
    void detectsPostgreSqlFromTheUrlAndRunsOnIt() {
        runner.withPropertyValues("spring.r2dbc.url=" + TestDatabases.postgresUrl()).run(context -> {
            Database db = context.getBean(Database.class);
            assertThat(db.dialect()).isInstanceOf(PostgresDialect.class);
            assertThat(answer(db)).isEqualTo(42);
        });
    }

    @Test
    void detectsMariaDbFromTheUrlAndRunsOnIt() {
        runner.withPropertyValues("spring.r2dbc.url=" + TestDatabases.mariadbUrl()).run(context -> {
            Database db = context.getBean(Database.class);
            assertThat(db.dialect()).isInstanceOf(MariaDbDialect.class);
            assertThat(answer(db)).isEqualTo(42);
        });
    }

    @Test
    void dialectPropertyOverridesDetectionByNameOrClassName() {
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url(), "rowflow.dialect=postgresql")
                .run(context -> assertThat(context.getBean(Database.class).dialect().name()).isEqualTo("PostgreSQL"));
        runner.withPropertyValues("spring.r2dbc.url=" + TestDatabases.postgresUrl(),
                        "rowflow.dialect=io.rowflow.dialect.H2Dialect")
                .run(context -> assertThat(context.getBean(Database.class).dialect()).isInstanceOf(H2Dialect.class));
    }

    @Test
    void unknownDialectNameFailsStartupNamingTheBuiltInDialects() {
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url(), "rowflow.dialect=oracle").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("rowflow.dialect=oracle names no built-in dialect")
                        .hasMessageContaining("PostgreSQL, H2, MariaDB"));
    }

    @Test
    void dialectBeanWinsOverThePropertyAndCustomizersRunLast() {
        Dialect mine = new H2Dialect();
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url(), "rowflow.dialect=PostgreSQL")
                .withBean(Dialect.class, () -> mine)
                .run(context -> assertThat(context.getBean(Database.class).dialect()).isSameAs(mine));

        Dialect fromCustomizer = new PostgresDialect();
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url())
                .withBean(DatabaseBuilderCustomizer.class, () -> builder -> builder.dialect(fromCustomizer))
                .run(context -> assertThat(context.getBean(Database.class).dialect()).isSameAs(fromCustomizer));
    }

    /** A record audited by the starter's auditor and clock beans. */
    @io.rowflow.annotation.Table(name = "audited_note")
    record AuditedNote(@io.rowflow.annotation.Id Long id, @io.rowflow.annotation.CreatedAt java.time.Instant createdAt,
                       @io.rowflow.annotation.CreatedBy String createdBy) {
    }

    @Test
    void auditorProviderAndClockBeansFeedAuditing() {
        java.time.Instant now = java.time.Instant.parse("2026-12-05T12:00:00Z");
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url())
                .withBean(io.rowflow.callback.AuditorProvider.class,
                        () -> context -> reactor.core.publisher.Mono.justOrEmpty(context.getOrEmpty("principal")))
                .withBean(java.time.Clock.class, () -> java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
                .run(context -> {
                    Database db = context.getBean(Database.class);
                    db.sql("create table audited_note (id bigint primary key, created_at timestamp with time zone, "
                            + "created_by varchar(40))").execute().block(TIMEOUT);
                    AuditedNote inserted = db.insert(new AuditedNote(1L, null, null))
                            .contextWrite(reactor.util.context.Context.of("principal", "alice")).block(TIMEOUT);
                    assertThat(inserted).isEqualTo(new AuditedNote(1L, now, "alice"));
                });
    }

    @Test
    void coalescingIsOnByDefaultAndConfiguredByProperties() {
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url())
                .run(context -> assertThat(context.getBean(Database.class).coalescing()).isEqualTo(Coalescing.defaults()));
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url(), "rowflow.coalescing.max-in-flight=8",
                        "rowflow.coalescing.max-batch-size=64")
                .run(context -> assertThat(context.getBean(Database.class).coalescing())
                        .isEqualTo(new Coalescing(true, 8, 64)));
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url(), "rowflow.coalescing.enabled=false")
                .run(context -> assertThat(context.getBean(Database.class).coalescing().enabled()).isFalse());
    }

    @Test
    void relationBatchSizeIs256ByDefaultAndConfiguredByAProperty() {
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url())
                .run(context -> assertThat(context.getBean(Database.class).relationBatchSize()).isEqualTo(256));
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url(), "rowflow.relation-batch-size=1000")
                .run(context -> assertThat(context.getBean(Database.class).relationBatchSize()).isEqualTo(1_000));
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url(), "rowflow.relation-batch-size=0")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relationBatchSize"));
    }

    @Test
    void registersTheConverterBeans() {
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url())
                .withUserConfiguration(YearConverterConfiguration.class)
                .run(context -> {
                    Database db = context.getBean(Database.class);
                    assertThat(db.sql("select cast(:year as int) + 1").bind("year", Year.of(1969)).mapTo(Year.class)
                            .fetchOne().block(TIMEOUT)).isEqualTo(Year.of(1970));
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnDatabase() {
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url())
                .withUserConfiguration(OwnDatabaseConfiguration.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(Database.class);
                    assertThat(context.getBean(Database.class)).isSameAs(context.getBean(OwnDatabaseConfiguration.class).db);
                    assertThat(context.getBean(Database.class).connectionFactory())
                            .isNotSameAs(context.getBean(ConnectionFactory.class));
                    assertThat(context).hasSingleBean(SpringTransactionConnectionProvider.class);
                });
    }

    @Test
    void usesTheApplicationsConnectionProviderInsteadOfSpringsOne() {
        CountingProvider provider = new CountingProvider();
        runner.withPropertyValues("spring.r2dbc.url=" + h2Url())
                .withBean(ConnectionProvider.class, () -> provider)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(SpringTransactionConnectionProvider.class);
                    assertThat(answer(context.getBean(Database.class))).isEqualTo(42);
                    assertThat(provider.acquired).hasValue(1);
                });
    }

    @Test
    void noDatabaseWithoutAConnectionFactory() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RowflowAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(Database.class);
                });
    }

    @Test
    void closingTheContextLeavesTheApplicationsConnectionFactoryOpen() {
        ConnectionPool pool = TestDatabases.pooled(TestDatabases.h2(), 2);
        try {
            runner.withBean(ConnectionFactory.class, () -> pool, bean -> bean.setDestroyMethodName(""))
                    .run(context -> assertThat(answer(context.getBean(Database.class))).isEqualTo(42));

            assertThat(pool.isDisposed()).as("the auto-configured database closed with the context").isFalse();
            assertThat(answer(Database.create(pool))).isEqualTo(42);
        } finally {
            pool.dispose();
        }
    }

    /** Stores {@link Year}s as integers. */
    @Configuration(proxyBeanMethods = false)
    static class YearConverterConfiguration {
        @Bean
        Converter<Year, Integer> yearConverter() {
            return Converter.of(Year.class, Integer.class, Year::getValue, Year::of);
        }
    }

    /** An application that builds its own database, over a connection factory of its own. */
    @Configuration(proxyBeanMethods = false)
    static class OwnDatabaseConfiguration {
        final Database db = Database.connect("r2dbc:h2:mem:///own_" + DATABASES.incrementAndGet());

        @Bean
        Database ownDatabase() {
            return db;
        }
    }

    /** A connection provider of the application's own: one connection per operation, counted. */
    static final class CountingProvider implements ConnectionProvider {
        final AtomicInteger acquired = new AtomicInteger();

        @Override
        public Publisher<? extends Connection> acquire(ConnectionFactory factory) {
            acquired.incrementAndGet();
            return factory.create();
        }

        @Override
        public Publisher<Void> release(Connection connection, ConnectionFactory factory) {
            return connection.close();
        }
    }
}

package io.rowflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rowflow.CoalescingStatistics;
import io.rowflow.Database;
import io.rowflow.spring.boot.fixtures.Member;
import io.rowflow.spring.boot.fixtures.Team;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;

/** The coalescing meters: present with Micrometer, equal to the database's statistics, absent without it. */
class CoalescingMetricsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, RowflowAutoConfiguration.class,
                    RowflowMetricsAutoConfiguration.class))
            .withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///coalescing_metrics?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
                    "spring.r2dbc.pool.initial-size=1", "spring.r2dbc.pool.max-size=4");

    @Test
    void metersReportTheDatabasesCoalescingStatistics() {
        runner.run(context -> {
            Database db = context.getBean(Database.class);
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(CoalescingMetrics.class).bindTo(registry);

            db.schema().dropIfExists(Team.class, Member.class).then(db.schema().create(Team.class, Member.class)).block(TIMEOUT);
            List<Team> teams = db.insertAll(IntStream.range(0, 300).mapToObj(i -> Team.of("team " + i, 2)).toList())
                    .collectList().block(TIMEOUT);
            List<Team> found = Flux.fromIterable(teams).flatMap(team -> db.findById(Team.class, team.id()), 64)
                    .collectList().block(TIMEOUT);
            assertThat(found).hasSize(300);

            CoalescingStatistics.Counts lookups = db.coalescingStatistics().lookups();
            assertThat(lookups.requests()).isEqualTo(300);
            assertThat(value(registry, "rowflow.coalescing.requests", "lookup")).isEqualTo(300);
            assertThat(value(registry, "rowflow.coalescing.statements", "lookup")).isEqualTo(lookups.statements());
            assertThat(value(registry, "rowflow.coalescing.batches", "lookup")).isEqualTo(lookups.batches());
            assertThat(value(registry, "rowflow.coalescing.batched.requests", "lookup")).isEqualTo(lookups.batchedRequests());
            assertThat(registry.get("rowflow.coalescing.batch.size.mean").tag("kind", "lookup").gauge().value())
                    .isEqualTo(lookups.meanBatchSize());
            assertThat(value(registry, "rowflow.coalescing.requests", "relation-load")).isZero();
        });
    }

    @Test
    void noMetersWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasSingleBean(Database.class).doesNotHaveBean(CoalescingMetrics.class));
    }

    private static double value(MeterRegistry registry, String name, String kind) {
        return registry.get(name).tag("kind", kind).functionCounter().count();
    }
}

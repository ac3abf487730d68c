package io.rowflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.rowflow.Database;
import io.rowflow.test.OpenPools;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;

/**
 * Base of the reliability suites on the real PostgreSQL server: a pooled {@link Database} in a
 * schema of the suite's own, an observer database outside the pool, and the checks that must hold
 * after every scenario: no connection acquired, nobody waiting, no backend of the suite idle in a
 * transaction, and every pooled connection still answering.
 */
abstract class PostgresReliabilitySupport {

    protected static final Duration TIMEOUT = Duration.ofSeconds(60);

    protected ConnectionPool pool;
    protected Database db;
    protected final Database observer = Database.create(TestDatabases.postgres());

    /** Creates the pool; call from a {@code @BeforeEach}. */
    protected void openPool(int size, Duration acquireTimeout) {
        pool = OpenPools.register(new ConnectionPool(ConnectionPoolConfiguration.builder(TestDatabases.postgres(getClass()))
                .initialSize(0)
                .maxSize(size)
                .maxAcquireTime(acquireTimeout)
                .build()));
        db = Database.create(pool);
    }

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.disposeLater().block(TIMEOUT);
        }
    }

    protected PoolMetrics metrics() {
        return pool.getMetrics().orElseThrow();
    }

    /** No connection acquired, nobody waiting, no backend of this suite left inside a transaction. */
    protected void assertNothingHeld() {
        awaitTrue("the pool is idle", () -> metrics().acquiredSize() == 0 && metrics().pendingAcquireSize() == 0);
        awaitTrue("no backend of this suite is idle in a transaction", () -> backendsInTransaction() == 0);
    }

    /** Backends of this suite that are inside a transaction without running anything. */
    protected long backendsInTransaction() {
        return observer.sql("select count(*) from pg_stat_activity where application_name = :name "
                        + "and state like 'idle in transaction%'")
                .bind("name", TestDatabases.schemaOf(getClass())).mapTo(Long.class).fetchOne().block(TIMEOUT);
    }

    /** Backends of this suite running a statement whose text contains {@code marker}. */
    protected long backendsRunning(String marker) {
        return observer.sql("select count(*) from pg_stat_activity where application_name = :name "
                        + "and state = 'active' and position(:marker in query) > 0")
                .bind("name", TestDatabases.schemaOf(getClass())).bind("marker", marker)
                .mapTo(Long.class).fetchOne().block(TIMEOUT);
    }

    /** Every connection of the pool (all at once, so each is a different one) still answers. */
    protected void assertEveryPooledConnectionAnswers(int size) {
        List<Integer> answers = Flux.range(0, size)
                .flatMap(i -> db.sql("select 1 from pg_sleep(0.05)").mapTo(Integer.class).fetchOne(), size)
                .collectList().block(TIMEOUT);
        assertThat(answers).hasSize(size).containsOnly(1);
        awaitTrue("the pool is idle again", () -> metrics().acquiredSize() == 0);
    }

    protected static void awaitTrue(String what, BooleanSupplier condition) {
        io.rowflow.test.Await.until(what, Duration.ofSeconds(15), condition);
    }
}

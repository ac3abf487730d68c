package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The resource suite on the real PostgreSQL server, cross-checked with {@code pg_stat_activity}:
 * after each test no backend of this suite's schema is left idle in a transaction.
 */
class PostgresResourceTest extends ResourceContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    @AfterEach
    void noBackendLeftInATransaction() {
        Database observer = Database.create(TestDatabases.postgres());
        Long idleInTransaction = observer.sql("select count(*) from pg_stat_activity where datname = current_database() "
                        + "and state like 'idle in transaction%' and pid <> pg_backend_pid()")
                .mapTo(Long.class).fetchOne().block(Duration.ofSeconds(10));
        assertThat(idleInTransaction).isZero();
    }
}

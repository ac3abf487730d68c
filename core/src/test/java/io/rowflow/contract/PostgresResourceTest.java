package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/**
 * The resource suite on the real PostgreSQL server. After each test the JVM-wide
 * {@link io.rowflow.test.LeakCheck} also cross-checks {@code pg_stat_activity}: no backend of this
 * checkout's suites may be left idle in a transaction.
 */
class PostgresResourceTest extends ResourceContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }
}

package io.rowflow.query.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The injection suite on the real PostgreSQL server. */
class PostgresInjectionTest extends InjectionContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }
}

package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The table-conditions suite on Postgres. */
class PostgresTableConditionsTest extends TableConditionsContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }
}

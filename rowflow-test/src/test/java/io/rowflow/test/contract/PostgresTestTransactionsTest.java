package io.rowflow.test.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** Rollback-only test transactions on PostgreSQL. */
class PostgresTestTransactionsTest extends TestTransactionsContract {

    private static final ConnectionFactory FACTORY = TestDatabases.postgres(PostgresTestTransactionsTest.class);

    @Override
    protected ConnectionFactory connectionFactory() {
        return FACTORY;
    }
}

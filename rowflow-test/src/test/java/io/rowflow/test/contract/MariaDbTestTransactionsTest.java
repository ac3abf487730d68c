package io.rowflow.test.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** Rollback-only test transactions on MariaDB. */
class MariaDbTestTransactionsTest extends TestTransactionsContract {

    private static final ConnectionFactory FACTORY = TestDatabases.mariadb(MariaDbTestTransactionsTest.class);

    @Override
    protected ConnectionFactory connectionFactory() {
        return FACTORY;
    }
}

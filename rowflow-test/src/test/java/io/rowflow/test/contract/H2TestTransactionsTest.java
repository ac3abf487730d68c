package io.rowflow.test.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** Rollback-only test transactions on embedded H2. */
class H2TestTransactionsTest extends TestTransactionsContract {

    private static final ConnectionFactory FACTORY = TestDatabases.h2();

    @Override
    protected ConnectionFactory connectionFactory() {
        return FACTORY;
    }
}

package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The batch-write suite on PostgreSQL: every column bound as one array, so one statement carries a whole batch. */
class PostgresBatchWriteTest extends BatchWriteContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    @Override
    protected int statementsFor(int rows) {
        return 1;
    }
}

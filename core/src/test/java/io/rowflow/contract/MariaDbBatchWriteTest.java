package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The batch-write suite on MariaDB: rows of markers, 1,000 rows per statement (the chunk size). */
class MariaDbBatchWriteTest extends BatchWriteContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @Override
    protected int statementsFor(int rows) {
        return (rows + 999) / 1_000;
    }
}

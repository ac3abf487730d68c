package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The batch-write suite on H2: rows of markers in a {@code MERGE}, 1,000 rows per statement. */
class H2BatchWriteTest extends BatchWriteContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }

    @Override
    protected int statementsFor(int rows) {
        return (rows + 999) / 1_000;
    }
}

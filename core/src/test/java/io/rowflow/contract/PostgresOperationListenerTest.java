package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The operation listener suite on the real PostgreSQL server. */
class PostgresOperationListenerTest extends OperationListenerContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    @Override
    protected String generatedKey() {
        return "BIGSERIAL PRIMARY KEY";
    }
}

package io.rowflow.query.relation;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The context-propagation suite on Postgres. */
class PostgresContextPropagationTest extends ContextPropagationContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }
}

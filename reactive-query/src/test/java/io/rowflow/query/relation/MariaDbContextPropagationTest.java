package io.rowflow.query.relation;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The context-propagation suite on MariaDb. */
class MariaDbContextPropagationTest extends ContextPropagationContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }
}

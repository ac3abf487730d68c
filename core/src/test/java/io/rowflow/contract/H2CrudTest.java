package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The CRUD suite on embedded H2. */
class H2CrudTest extends CrudContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }
}

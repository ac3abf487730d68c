package io.rowflow.query.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The injection suite on the real MariaDB server. */
class MariaDbInjectionTest extends InjectionContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }
}

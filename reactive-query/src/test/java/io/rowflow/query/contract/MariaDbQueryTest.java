package io.rowflow.query.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The query DSL suite on the real MariaDB server. */
class MariaDbQueryTest extends QueryContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }
}

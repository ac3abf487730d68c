package io.rowflow.query.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The streaming suite on the real MariaDB server. */
class MariaDbStreamingTest extends StreamingContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }
}

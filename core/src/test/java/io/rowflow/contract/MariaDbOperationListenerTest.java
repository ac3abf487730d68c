package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The operation listener suite on the real MariaDB server. */
class MariaDbOperationListenerTest extends OperationListenerContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @Override
    protected String generatedKey() {
        return "BIGINT AUTO_INCREMENT PRIMARY KEY";
    }
}

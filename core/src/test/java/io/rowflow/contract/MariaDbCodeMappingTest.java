package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The code-mapping suite on MariaDb. */
class MariaDbCodeMappingTest extends CodeMappingContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @Override
    protected String identity() {
        return "BIGINT AUTO_INCREMENT PRIMARY KEY";
    }
}

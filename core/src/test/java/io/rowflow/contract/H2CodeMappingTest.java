package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The code-mapping suite on H2. */
class H2CodeMappingTest extends CodeMappingContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }
}

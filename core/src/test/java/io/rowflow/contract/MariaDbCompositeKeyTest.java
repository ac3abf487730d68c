package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The composite-key suite on MariaDB (key sets as chunked conjunctions). */
class MariaDbCompositeKeyTest extends CompositeKeyContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }
}

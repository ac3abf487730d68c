package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The relationships-over-keys suite on H2. */
class H2RelationKeyTest extends RelationKeyContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }
}

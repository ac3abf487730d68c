package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The composite-key suite on embedded H2. */
class H2CompositeKeyTest extends CompositeKeyContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }

    @Override
    protected boolean lookupsOverlap() {
        return false;
    }
}

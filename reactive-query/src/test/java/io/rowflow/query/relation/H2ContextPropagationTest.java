package io.rowflow.query.relation;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The context-propagation suite on H2. */
class H2ContextPropagationTest extends ContextPropagationContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }

    @Override
    protected boolean lookupsOverlap() {
        return false;
    }
}

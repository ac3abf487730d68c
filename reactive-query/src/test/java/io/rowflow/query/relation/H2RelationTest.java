package io.rowflow.query.relation;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The relationship suite on embedded H2. */
class H2RelationTest extends RelationContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }
}

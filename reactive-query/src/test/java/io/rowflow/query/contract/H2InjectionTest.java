package io.rowflow.query.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The injection suite on embedded H2. */
class H2InjectionTest extends InjectionContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }
}

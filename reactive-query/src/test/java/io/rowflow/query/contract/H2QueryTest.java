package io.rowflow.query.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The query DSL suite on embedded H2. */
class H2QueryTest extends QueryContract {

    /** One in-memory database for the suite: its tables are created once, each test's rows are rolled back. */
    private static final ConnectionFactory H2 = TestDatabases.h2();

    @Override
    protected ConnectionFactory connectionFactory() {
        return H2;
    }
}

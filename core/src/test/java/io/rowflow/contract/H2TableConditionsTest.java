package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The table-conditions suite on H2. */
class H2TableConditionsTest extends TableConditionsContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }

    @Override
    protected boolean lookupsOverlap() {
        return false;
    }
}

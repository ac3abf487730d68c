package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The filters and tenancy suite on H2. */
class H2FiltersAndTenancyTest extends FiltersAndTenancyContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }

    @Override
    protected String timestampType() {
        return "TIMESTAMP WITH TIME ZONE";
    }

    @Override
    protected boolean lookupsOverlap() {
        return false;
    }
}

package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The filters and tenancy suite on Postgres. */
class PostgresFiltersAndTenancyTest extends FiltersAndTenancyContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    @Override
    protected String timestampType() {
        return "TIMESTAMP WITH TIME ZONE";
    }
}

package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The filters and tenancy suite on MariaDb. */
class MariaDbFiltersAndTenancyTest extends FiltersAndTenancyContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @Override
    protected String timestampType() {
        return "DATETIME(6)";
    }
}

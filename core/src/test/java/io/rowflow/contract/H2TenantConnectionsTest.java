package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** Schema per tenant on H2 ({@code SET SCHEMA}). */
class H2TenantConnectionsTest extends TenantConnectionsContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }

    @Override
    protected boolean lookupsOverlap() {
        return false;
    }
}

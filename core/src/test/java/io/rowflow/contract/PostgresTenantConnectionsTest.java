package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** Schema per tenant on PostgreSQL ({@code SET search_path}). */
class PostgresTenantConnectionsTest extends TenantConnectionsContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }
}

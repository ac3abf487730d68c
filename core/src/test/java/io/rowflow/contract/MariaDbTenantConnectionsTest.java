package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** Database per tenant on MariaDB ({@code USE}). */
class MariaDbTenantConnectionsTest extends TenantConnectionsContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @Override
    protected String createSchema(String name) {
        return "CREATE DATABASE IF NOT EXISTS " + name;
    }
}

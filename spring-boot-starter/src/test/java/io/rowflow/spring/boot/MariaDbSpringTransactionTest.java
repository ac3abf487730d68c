package io.rowflow.spring.boot;

import io.rowflow.test.TestDatabases;

/** Rowflow in Spring transactions on the real MariaDB server, in a database of its own. */
class MariaDbSpringTransactionTest extends SpringTransactionContract {

    @Override
    protected String[] connectionProperties() {
        TestDatabases.mariadb(getClass());
        return new String[]{"spring.r2dbc.url=" + TestDatabases.mariadbUrl(),
                "spring.r2dbc.properties.database=" + TestDatabases.schemaOf(getClass())};
    }
}

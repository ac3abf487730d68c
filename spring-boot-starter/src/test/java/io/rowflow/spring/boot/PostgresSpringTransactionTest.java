package io.rowflow.spring.boot;

import io.rowflow.test.TestDatabases;

/** Rowflow in Spring transactions on the real PostgreSQL server, in a schema of its own. */
class PostgresSpringTransactionTest extends SpringTransactionContract {

    @Override
    protected String[] connectionProperties() {
        TestDatabases.postgres(getClass());
        return new String[]{"spring.r2dbc.url=" + TestDatabases.postgresUrl(),
                "spring.r2dbc.properties.schema=" + TestDatabases.schemaOf(getClass())};
    }
}

package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The relationships-over-keys suite on Postgres. */
class PostgresRelationKeyTest extends RelationKeyContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }
}

package io.rowflow.query.relation;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The relationship suite on the real PostgreSQL server. */
class PostgresRelationTest extends RelationContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }
}

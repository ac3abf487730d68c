package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** Read/write routing on PostgreSQL: a second schema stands for the replica (the real standby: PostgresReplicaTest). */
class PostgresReplicaRoutingTest extends ReplicaRoutingContract {

    @Override
    protected ConnectionFactory primaryFactory() {
        return TestDatabases.postgres(getClass());
    }

    @Override
    protected ConnectionFactory replicaFactory() {
        return TestDatabases.postgres(ReplicaSide.class);
    }

    /** Names the replica's schema. */
    private static final class ReplicaSide {
    }
}

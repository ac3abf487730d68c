package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** Read/write routing on MariaDB: a second database stands for the replica. */
class MariaDbReplicaRoutingTest extends ReplicaRoutingContract {

    @Override
    protected ConnectionFactory primaryFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @Override
    protected ConnectionFactory replicaFactory() {
        return TestDatabases.mariadb(ReplicaSide.class);
    }

    /** Names the replica's database. */
    private static final class ReplicaSide {
    }
}

package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** Read/write routing on H2: two in-memory databases stand for the primary and its replica. */
class H2ReplicaRoutingTest extends ReplicaRoutingContract {

    @Override
    protected ConnectionFactory primaryFactory() {
        return TestDatabases.h2();
    }

    @Override
    protected ConnectionFactory replicaFactory() {
        return TestDatabases.h2();
    }

    @Override
    protected boolean lookupsOverlap() {
        return false;
    }
}

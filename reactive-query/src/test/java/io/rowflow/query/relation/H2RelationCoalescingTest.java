package io.rowflow.query.relation;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** Relationship-load coalescing on embedded H2 (a synchronous driver: requests rarely overlap, so they are checked for correctness, not batching). */
class H2RelationCoalescingTest extends RelationCoalescingContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }

    @Override
    protected boolean requestsOverlap() {
        return false;
    }
}

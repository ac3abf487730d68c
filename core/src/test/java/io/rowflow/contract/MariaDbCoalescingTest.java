package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The coalescing suite on the real MariaDB server (chunked IN lists instead of arrays). */
class MariaDbCoalescingTest extends CoalescingContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }
}

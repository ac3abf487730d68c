package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;

/** The composite-key suite on PostgreSQL, where key sets bind one array per key column ({@code unnest}). */
class PostgresCompositeKeyTest extends CompositeKeyContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    @Override
    protected boolean keySetsBindAsArrays() {
        return true;
    }
}

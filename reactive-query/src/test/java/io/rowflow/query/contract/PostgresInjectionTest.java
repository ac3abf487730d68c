package io.rowflow.query.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;
import io.rowflow.test.WithoutRollback;
import org.junit.jupiter.api.Test;

/** The injection suite on the real PostgreSQL server. */
class PostgresInjectionTest extends InjectionContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    /**
     * PostgreSQL refuses the NUL character, and a refused statement aborts the transaction it runs
     * in: checking afterwards that nothing was stored needs a connection of its own.
     */
    @Override
    @Test
    @WithoutRollback
    void nulCharacterIsStoredLiterallyOrRefusedClearly() {
        super.nulCharacterIsStoredLiterallyOrRefusedClearly();
    }
}

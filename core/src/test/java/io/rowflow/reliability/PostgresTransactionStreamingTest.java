package io.rowflow.reliability;

import io.rowflow.Database;
import io.rowflow.test.TestDatabases;
import java.util.List;

/** The million-row transaction stream on PostgreSQL, read through a cursor. */
class PostgresTransactionStreamingTest extends TransactionStreamingContract {

    @Override
    protected Database database() {
        return Database.create(TestDatabases.postgres(getClass()));
    }

    @Override
    protected String fillMillionRows() {
        return "insert into large_numbered (id, label, bucket) "
                + "select g, 'label number ' || g, g % 100 from generate_series(1, 1000000) g";
    }

    @Override
    protected List<String> connectionArguments() {
        return List.of(TestDatabases.postgresUrl(), "schema", TestDatabases.schemaOf(getClass()));
    }
}

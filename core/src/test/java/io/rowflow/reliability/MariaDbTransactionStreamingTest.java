package io.rowflow.reliability;

import io.rowflow.Database;
import io.rowflow.test.TestDatabases;
import java.util.List;

/** The million-row transaction stream on MariaDB, read in keyset windows. */
class MariaDbTransactionStreamingTest extends TransactionStreamingContract {

    @Override
    protected Database database() {
        return Database.create(TestDatabases.mariadb(getClass()));
    }

    @Override
    protected String fillMillionRows() {
        return "insert into large_numbered (id, label, bucket) "
                + "select seq, concat('label number ', seq), seq % 100 from seq_1_to_1000000";
    }

    @Override
    protected List<String> connectionArguments() {
        return List.of(TestDatabases.mariadbUrl(), "database", TestDatabases.schemaOf(getClass()));
    }
}

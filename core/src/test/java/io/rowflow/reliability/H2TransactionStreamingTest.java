package io.rowflow.reliability;

import io.r2dbc.spi.ConnectionFactories;
import io.rowflow.Database;
import java.util.List;

/**
 * The million-row transaction stream on H2, read in keyset windows. The database is a file under
 * {@code target} (an in-memory one would hold the million rows in the small heap itself), shared
 * by this JVM, which fills it, and the forked one, which streams it from the same directory.
 */
class H2TransactionStreamingTest extends TransactionStreamingContract {

    private static final String URL = "r2dbc:h2:file:///./target/h2-transaction-streaming/stream"
            + "?options=DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE;CACHE_SIZE=4096";

    private String url() {
        return URL;
    }

    @Override
    protected Database database() {
        return Database.create(ConnectionFactories.get(url()));
    }

    @Override
    protected String fillMillionRows() {
        return "insert into large_numbered (id, label, bucket) "
                + "select \"X\", 'label number ' || \"X\", mod(\"X\", 100) from system_range(1, 1000000)";
    }

    @Override
    protected List<String> connectionArguments() {
        return List.of(url());
    }
}

package io.rowflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A million rows streamed inside one transaction to a slow subscriber, in a JVM whose heap (96 MiB)
 * could not hold them, while the same transaction rewrites every 1,000th row: the stream must be
 * read in windows (a cursor on PostgreSQL, keyset windows elsewhere), never buffered whole.
 */
abstract class TransactionStreamingContract {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /**
     * The most the old generation may hold after a collection: the library, the driver (and H2's
     * embedded engine with its page cache) and a few windows of rows, never the result (a million
     * rows need well over 96 MiB).
     */
    static final int LIVE_HEAP_BOUND_MIB = 32;

    /** A database over the suite's own schema or database. */
    protected abstract Database database();

    /** The statement filling {@code large_numbered} with ids 1 to 1,000,000. */
    protected abstract String fillMillionRows();

    /** The forked JVM's arguments after the main class: the URL, and the option naming the suite's schema. */
    protected abstract List<String> connectionArguments();

    @Test
    void aMillionRowsStreamInsideATransactionToASlowSubscriberInA96MegabyteHeap() throws IOException, InterruptedException {
        Database db = database();
        db.schema().dropIfExists(Numbered.class).then(db.schema().create(Numbered.class)).block(TIMEOUT);
        db.sql(fillMillionRows()).execute().block(TIMEOUT);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-Xmn24m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StreamInTransaction.class.getName()));
        command.addAll(connectionArguments());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();

        System.out.println(getClass().getSimpleName() + " forked JVM: " + output.trim());
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("rows=1000000", "rewritten=1000");
        int live = Integer.parseInt(output.replaceAll("(?s).*oldGenLiveMiB=(\\d+).*", "$1"));
        assertThat(live).as("old generation after collections, in MiB").isLessThan(LIVE_HEAP_BOUND_MIB);
        assertThat(db.sql("select count(*) from large_numbered where label = 'rewritten'").mapTo(Long.class).fetchOne()
                .block(TIMEOUT)).as("the rewrites committed with the stream").isEqualTo(1_000L);
    }
}

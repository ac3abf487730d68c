package io.rowflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import io.rowflow.test.CountingConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Volumes that break naive designs: a million rows streamed in a JVM with a 256 MB heap, a
 * 50 MB value round trip, and a 100,000-row batch insert kept within PostgreSQL's limit of 65,535
 * bind parameters per statement.
 */
class LargeDataTest extends PostgresReliabilitySupport {

    @BeforeEach
    void createTables() {
        openPool(4, TIMEOUT);
        db.schema().dropIfExists(Numbered.class, Blob.class).then(db.schema().create(Numbered.class, Blob.class))
                .block(TIMEOUT);
    }

    @Test
    void aMillionRowsStreamInAJvmWithA256MegabyteHeap() throws IOException, InterruptedException {
        db.sql("insert into large_numbered (id, label, bucket) "
                + "select g, 'label number ' || g, g % 100 from generate_series(1, 1000000) g").execute().block(TIMEOUT);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StreamMillionRows.class.getName(), TestDatabases.postgresUrl(), TestDatabases.schemaOf(getClass()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        System.out.println("forked streaming JVM: " + output.trim());
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("rows=1000000");
        int peak = Integer.parseInt(output.replaceAll("(?s).*peakHeapMiB=(\\d+).*", "$1"));
        assertThat(peak).as("peak heap in MiB").isLessThan(256);
    }

    @Test
    void fiftyMegabyteValuesRoundTrip() {
        byte[] data = new byte[50 * 1024 * 1024];
        new Random(42).nextBytes(data);
        char[] letters = new char[50 * 1024 * 1024];
        Arrays.fill(letters, 'x');
        letters[letters.length - 1] = 'é';
        String text = new String(letters);

        db.insert(new Blob(1L, data, text)).block(TIMEOUT);
        Blob loaded = db.findById(Blob.class, 1L).block(TIMEOUT);

        assertThat(Arrays.equals(loaded.data(), data)).as("50 MB bytea unchanged").isTrue();
        assertThat(loaded.text()).isEqualTo(text);
    }

    @Test
    void aHundredThousandRowBatchStaysWithinTheBindParameterLimit() {
        CountingConnectionFactory counting = new CountingConnectionFactory(TestDatabases.postgres(getClass()));
        Database unlimited = Database.builder(counting).insertChunkSize(1_000_000).build();
        List<Blob> rows = IntStream.range(0, 100_000).mapToObj(i -> new Blob((long) i, new byte[]{(byte) i}, "row " + i)).toList();

        unlimited.insertAll(rows).then().block(TIMEOUT);

        int perStatement = 65_535 / 3;
        assertThat(counting.statements()).as("bytea columns go as VALUES lists, cut at 65,535 parameters")
                .isEqualTo((100_000 + perStatement - 1) / perStatement);
        assertThat(db.count(Blob.class).block(TIMEOUT)).isEqualTo(100_000L);
        assertThat(db.sql("select count(distinct text) from large_blob").mapTo(Long.class).fetchOne().block(TIMEOUT))
                .isEqualTo(100_000L);
    }

    @Test
    void aHundredThousandRowBatchOfArrayTypesIsOneStatementOnPostgres() {
        CountingConnectionFactory counting = new CountingConnectionFactory(TestDatabases.postgres(getClass()));
        Database arrays = Database.builder(counting).insertChunkSize(100_000).build();
        List<Numbered> rows = IntStream.range(0, 100_000).mapToObj(i -> new Numbered((long) i, "row " + i, i % 7)).toList();

        arrays.insertAll(rows).then().block(TIMEOUT);

        assertThat(counting.statements()).as("one unnest of column arrays").isEqualTo(1);
        assertThat(counting.executedSql().get(0)).contains("unnest(");
        assertThat(db.count(Numbered.class).block(TIMEOUT)).isEqualTo(100_000L);
        assertThat(db.sql("select sum(bucket) from large_numbered").mapTo(Long.class).fetchOne().block(TIMEOUT))
                .isEqualTo(IntStream.range(0, 100_000).mapToLong(i -> i % 7).sum());
    }
}

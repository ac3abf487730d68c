package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.rowflow.Coalescing;
import io.rowflow.Database;
import io.rowflow.examples.docs.CoalescingSnippets;
import io.rowflow.examples.docs.RelationshipSnippets;
import io.rowflow.examples.relations.Novel;
import io.rowflow.examples.relations.Review;
import io.rowflow.examples.relations.Subject;
import io.rowflow.examples.relations.Writer;
import io.rowflow.test.CountingConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/coalescing.md on PostgreSQL, where concurrent requests really overlap. */
class CoalescingSnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private CountingConnectionFactory counting;
    private ConnectionPool pool;
    private Database db;
    private List<Writer> writers;

    @BeforeEach
    void createData() {
        counting = new CountingConnectionFactory(TestDatabases.postgres(getClass()));
        pool = TestDatabases.pooled(counting, 8);
        db = Database.create(pool);
        db.schema().dropIfExists(Writer.class, Novel.class, Review.class, Subject.class).block(TIMEOUT);
        RelationshipSnippets.createSchema(db).block(TIMEOUT);
        writers = db.insertAll(IntStream.range(0, 1_000).mapToObj(i -> new Writer(null, "writer " + i,
                List.of(Novel.of("first of " + i, 1970, List.of(), java.util.Set.of()),
                        Novel.of("second of " + i, 1980, List.of(), java.util.Set.of()))))
                .toList()).collectList().block(TIMEOUT);
        counting.reset();
    }

    @AfterEach
    void closePool() {
        pool.disposeLater().block(TIMEOUT);
    }

    @Test
    void concurrentRequestsShareStatementsAndEachGetsItsOwnWriter() {
        List<Long> ids = writers.stream().map(Writer::id).toList();

        Map<Long, Writer> loaded = CoalescingSnippets.concurrentRequests(db, ids)
                .collectMap(Writer::id).block(TIMEOUT);

        assertThat(loaded).hasSize(1_000).allSatisfy((id, writer) -> assertThat(writer.novels())
                .extracting(Novel::title).containsExactly("first of " + writer.name().substring(7),
                        "second of " + writer.name().substring(7)));
        assertThat(counting.statements()).as("2,000 statements without coalescing").isLessThan(1_000);
        assertThat(counting.executedSql()).as("the SQL docs/coalescing.md shows").contains(
                "SELECT t0.\"id\", t0.\"name\" FROM \"lib_writer\" t0 WHERE t0.\"id\" = $1 LIMIT $2",
                "SELECT t0.\"id\", t0.\"name\" FROM \"lib_writer\" t0 WHERE t0.\"id\" = ANY($1) ORDER BY t0.\"id\"",
                "SELECT t0.\"id\", t0.\"title\", t0.\"year\", t0.\"writer_id\" FROM \"lib_novel\" t0 "
                        + "WHERE t0.\"writer_id\" = ANY($1) ORDER BY t0.\"id\"");
        assertThat(CoalescingSnippets.report(db)).startsWith("1000 lookups in ").contains("1000 relationship loads in ");
    }

    @Test
    void theOtherSamplesRun() {
        Writer first = writers.get(0);
        assertThat(CoalescingSnippets.lookupThroughTheDsl(db, first.id()).block(TIMEOUT).name()).isEqualTo(first.name());
        assertThat(db.coalescingStatistics().lookups().requests()).isEqualTo(1);

        assertThat(CoalescingSnippets.onItsOwn(db, first.id()).block(TIMEOUT).name()).isEqualTo(first.name());
        assertThat(db.coalescingStatistics().lookups().requests()).as("bypassed").isEqualTo(1);

        assertThat(CoalescingSnippets.tuned(pool).coalescing()).isEqualTo(new Coalescing(true, 8, 512));
        Database off = CoalescingSnippets.uncoalesced(pool);
        counting.reset();
        List<Writer> separately = CoalescingSnippets.concurrentRequests(off, writers.stream().limit(100).map(Writer::id).toList())
                .collectList().block(TIMEOUT);
        assertThat(separately).hasSize(100);
        assertThat(counting.statements()).as("a lookup and a follow-up per request").isEqualTo(200);
    }
}

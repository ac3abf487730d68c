package io.rowflow.test.contract;

import static io.rowflow.test.RowflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.sql.FetchPlan;
import io.rowflow.test.RecordedStatements;
import io.rowflow.test.RollbackOnly;
import io.rowflow.test.StatementRecorder;
import io.rowflow.test.TestTransactions;
import io.rowflow.test.WithoutRollback;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Rollback-only test transactions on each database: what a test writes is visible to the test,
 * invisible to other connections, and gone for the next test (the tests run in order, each
 * proving the previous one left the tables as they were); {@code inTransaction} inside a test is
 * a savepoint; {@link WithoutRollback} commits; and the statement recorder catches an N+1 loop
 * and passes its batched version.
 */
@RollbackOnly
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class TestTransactionsContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Class<?>[] TABLES = {Writer.class, Volume.class};
    private static final Set<Class<?>> PREPARED = ConcurrentHashMap.newKeySet();

    /** Rows committed before the tests: what every test starts from. */
    private static final int WRITERS = 2;
    private static final int VOLUMES = 3;

    private final StatementRecorder recorder = StatementRecorder.create();
    /** The database under test, joining the test's transaction. */
    protected Database db;
    /** The same database as any other connection sees it: committed rows only. */
    protected Database committed;

    /** The real database under test. */
    protected abstract ConnectionFactory connectionFactory();

    @BeforeEach
    void databases() {
        ConnectionFactory factory = connectionFactory();
        db = Database.builder(factory).connectionProvider(TestTransactions.connectionProvider()).listener(recorder).build();
        committed = Database.builder(factory).build();
        if (PREPARED.add(getClass())) {
            committed.schema().dropIfExists(TABLES).then(committed.schema().create(TABLES))
                    .then(committed.insert(Writer.named("Le Guin")))
                    .flatMap(writer -> committed.insertAll(List.of(Volume.of("Earthsea", writer.id()),
                            Volume.of("The Dispossessed", writer.id()), Volume.of("Lathe", writer.id()))).then())
                    .then(committed.insert(Writer.named("Butler")))
                    .block(TIMEOUT);
        }
        recorder.clear();
    }

    private long count(Database database, Class<?> type) {
        return database.count(type).block(TIMEOUT);
    }

    private long firstWriter() {
        return db.findAll(Writer.class).blockFirst(TIMEOUT).id();
    }

    @Test
    @Order(1)
    void aThousandRowsInsertedByATestAreVisibleToItAndToNoOtherConnection() {
        long writer = firstWriter();

        long inserted = db.insertAll(IntStream.range(0, 1_000).mapToObj(i -> Volume.of("volume " + i, writer)).toList())
                .count().block(TIMEOUT);

        assertThat(inserted).isEqualTo(1_000);
        assertThat(count(db, Volume.class)).isEqualTo(VOLUMES + 1_000);
        assertThat(count(committed, Volume.class)).as("other connections see only committed rows").isEqualTo(VOLUMES);
    }

    @Test
    @Order(2)
    void theNextTestFindsTheTablesAsTheyWere() {
        assertThat(count(db, Volume.class)).isEqualTo(VOLUMES);
        assertThat(count(db, Writer.class)).isEqualTo(WRITERS);
    }

    @Test
    @Order(3)
    void inTransactionInsideATestIsASavepointThatRollsBackAlone() {
        long writer = firstWriter();
        db.insert(Volume.of("kept", writer)).block(TIMEOUT);

        db.inTransaction(tx -> db.insert(Volume.of("undone", writer)).then(Mono.error(new IllegalStateException("boom"))))
                .as(StepVerifier::create)
                .expectErrorMessage("boom")
                .verify(TIMEOUT);

        assertThat(db.findAll(Volume.class).map(Volume::title).collectList().block(TIMEOUT))
                .contains("kept").doesNotContain("undone");
    }

    @Test
    @Order(4)
    @WithoutRollback
    void aTestWithoutRollbackCommits() {
        Writer stored = db.insert(Writer.named("Committed")).block(TIMEOUT);
        try {
            assertThat(TestTransactions.isActive()).isFalse();
            assertThat(count(committed, Writer.class)).isEqualTo(WRITERS + 1);
        } finally {
            db.delete(stored).block(TIMEOUT);
        }
    }

    @Test
    @Order(5)
    void workOutsideTheTestTransactionCommits() {
        Writer stored = db.insert(Writer.named("Outside")).contextWrite(TestTransactions.outside()).block(TIMEOUT);
        try {
            assertThat(count(committed, Writer.class)).isEqualTo(WRITERS + 1);
        } finally {
            committed.delete(stored).block(TIMEOUT);
        }
    }

    @Test
    @Order(6)
    void theTablesAreStillAsTheyWereAfterSavepointsAndCommittedTests() {
        assertThat(count(db, Volume.class)).isEqualTo(VOLUMES);
        assertThat(count(db, Writer.class)).isEqualTo(WRITERS);
        assertThat(db.findAll(Volume.class).map(Volume::title).collectList().block(TIMEOUT)).doesNotContain("kept");
    }

    @Test
    @Order(7)
    void theRecorderCatchesAnNPlusOneLoopAndPassesItsBatchedVersion() {
        List<Writer> writers = db.insertAll(IntStream.range(0, 20).mapToObj(i -> Writer.named("writer " + i)).toList())
                .collectList().block(TIMEOUT);
        db.insertAll(writers.stream().flatMap(w -> Flux.range(0, 2).map(i -> Volume.of(w.name() + " " + i, w.id()))
                .toStream()).toList()).then().block(TIMEOUT);

        RecordedStatements loop = recorder.record(db.findAll(Writer.class)
                        .concatMap(writer -> db.sql("select title from tt_volume where writer_id = :writer")
                                .bind("writer", writer.id()).mapTo(String.class).fetch()))
                .block(TIMEOUT);
        RecordedStatements batched = recorder.record(db.findAll(Writer.class, FetchPlan.of("books"))).block(TIMEOUT);

        assertThat(loop.countOnTable("tt_volume")).isEqualTo(WRITERS + 20);
        assertThatThrownBy(() -> assertThat(loop).hasNoShapeRepeatedMoreThan(5))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("N+1").hasMessageContaining("tt_volume");
        assertThat(batched).hasStatementCount(2).hasNoShapeRepeatedMoreThan(1).hasStatementCountOnTable("tt_volume", 1)
                .allInTransaction();
        assertThat(batched.statements().get(1).relationship()).isEqualTo("Writer.books");
        assertThatThrownBy(() -> recorder.assertNoShapeRepeatedMoreThan(5)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("record sent " + (WRITERS + 20) + " times");
    }
}

package io.rowflow.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.sql.FetchPlan;
import io.rowflow.test.contract.Volume;
import io.rowflow.test.contract.Writer;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The recorder as a JUnit extension with a threshold fails a test whose one operation repeats a
 * statement shape, and passes the batched version: both run here as tests of a scenario class
 * through JUnit's own engine, on H2 inside rollback-only test transactions.
 */
class NPlusOneDetectorTest {

    @Test
    void aDeliberateNPlusOneLoopFailsItsTest() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(Scenarios.class, "oneQueryPerWriter"))
                .execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("oneQueryPerWriter"), finishedWithFailure(
                        instanceOf(AssertionError.class), message(text -> text.contains("N+1")
                                && text.contains("record sent 20 times") && text.contains("tt_volume")))));
    }

    @Test
    void theBatchedVersionPasses() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(Scenarios.class, "batched"))
                .execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("batched"), finishedSuccessfully()));
    }

    /** Run only through the engine above (a nested class is no test of its own for Surefire). */
    @RollbackOnly
    static class Scenarios {

        private static final Duration TIMEOUT = Duration.ofSeconds(30);
        private static final ConnectionFactory H2 = TestDatabases.h2();

        @RegisterExtension
        static final StatementRecorder detector = StatementRecorder.create().failOnRepeatedShapes(10);

        private final Database db = Database.builder(H2).connectionProvider(TestTransactions.connectionProvider())
                .listener(detector).build();

        @BeforeEach
        void writersWithBooks() {
            Database.create(H2).schema().createIfNotExists(Writer.class, Volume.class).block(TIMEOUT);
            List<Writer> writers = db.insertAll(IntStream.range(0, 20).mapToObj(i -> new Writer(null, "w" + i, null)).toList())
                    .collectList().block(TIMEOUT);
            db.insertAll(writers.stream().map(writer -> new Volume(null, writer.name() + " book", io.rowflow.Ref.to(writer.id())))
                    .toList()).then().block(TIMEOUT);
        }

        @Test
        void oneQueryPerWriter() {
            detector.record(db.findAll(Writer.class).concatMap(writer -> db.sql("select title from tt_volume where writer_id = :id")
                    .bind("id", writer.id()).mapTo(String.class).fetch())).block(TIMEOUT);
        }

        @Test
        void batched() {
            detector.record(db.findAll(Writer.class, FetchPlan.of("books"))).block(TIMEOUT);
        }
    }
}

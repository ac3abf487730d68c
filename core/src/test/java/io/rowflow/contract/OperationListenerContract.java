package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.ConnectionProvider;
import io.rowflow.DataAccessException;
import io.rowflow.Database;
import io.rowflow.Ref;
import io.rowflow.TransactionOptions;
import io.rowflow.fixtures.observe.Note;
import io.rowflow.fixtures.observe.Poem;
import io.rowflow.fixtures.observe.Writer;
import io.rowflow.observe.Operation;
import io.rowflow.observe.OperationKind;
import io.rowflow.observe.OperationListener;
import io.rowflow.sql.FetchPlan;
import io.rowflow.test.CountingConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.ContextView;

/**
 * The execution seam on each database: every statement Rowflow sends reaches the listeners exactly
 * once, described by the operation it serves (kind, entity, relationship, coalesced, in a
 * transaction, read-only), with one row count and one end signal; and connection providers learn
 * whether the work is read-only. Tables are created by hand-written DDL.
 */
public abstract class OperationListenerContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Recorder recorder = new Recorder();
    private CountingConnectionFactory counting;
    private Database db;

    /** The real database under test. */
    protected abstract ConnectionFactory connectionFactory();

    /** The column definition of a generated {@code BIGINT} primary key in this database's DDL. */
    protected abstract String generatedKey();

    /**
     * Whether concurrent lookups reliably overlap on this database's driver (H2's synchronous
     * driver completes most lookups inside their subscription, so they are rarely gathered).
     */
    protected boolean lookupsOverlap() {
        return true;
    }

    @BeforeEach
    void createTables() {
        ConnectionFactory factory = connectionFactory();
        Database setup = Database.create(factory);
        Flux.concat(setup.sql("DROP TABLE IF EXISTS obs_poem").execute(),
                        setup.sql("DROP TABLE IF EXISTS obs_writer").execute(),
                        setup.sql("DROP TABLE IF EXISTS obs_note").execute(),
                        setup.sql("CREATE TABLE obs_writer (id " + generatedKey() + ", name VARCHAR(100) NOT NULL)").execute(),
                        setup.sql("CREATE TABLE obs_poem (id " + generatedKey() + ", title VARCHAR(200) NOT NULL, "
                                + "writer_id BIGINT REFERENCES obs_writer (id))").execute())
                .then().block(TIMEOUT);
        counting = new CountingConnectionFactory(factory);
        db = Database.builder(counting).listener(recorder).build();
    }

    @Test
    void everyOperationKindIsReportedOnceWithItsEntityRowsAndEnd() {
        Writer ann = db.insert(Writer.named("Ann")).block(TIMEOUT);
        List<Poem> poems = db.insertAll(List.of(new Poem(null, "one", Ref.to(ann.id())),
                new Poem(null, "two", Ref.to(ann.id())), new Poem(null, "three", Ref.to(ann.id())))).collectList().block(TIMEOUT);
        db.findById(Writer.class, ann.id()).block(TIMEOUT);
        db.update(new Writer(ann.id(), "Anne", null)).block(TIMEOUT);
        db.existsById(Writer.class, ann.id()).block(TIMEOUT);
        db.count(Poem.class).block(TIMEOUT);
        db.findAll(Poem.class).collectList().block(TIMEOUT);
        db.deleteById(Poem.class, poems.get(0).id()).block(TIMEOUT);
        db.sql("SELECT name FROM obs_writer WHERE name = 'Anne'").map(row -> row.get(0, String.class)).fetch()
                .collectList().block(TIMEOUT);
        db.schema().create(Note.class).then(db.schema().dropIfExists(Note.class)).block(TIMEOUT);

        List<Recorded> seen = statements(recorder.executions());
        assertThat(seen).hasSize(counting.statements());
        assertThat(seen.subList(0, 9)).extracting(Recorded::summary).containsExactly(
                "INSERT Writer rows=1 end", "BATCH_INSERT Poem rows=3 end", "LOOKUP Writer rows=1 end",
                "UPDATE Writer rows=1 end", "EXISTS Writer rows=1 end", "COUNT Poem rows=1 end",
                "QUERY Poem rows=3 end", "DELETE Poem rows=1 end", "SQL - rows=1 end");
        assertThat(seen.subList(9, seen.size())).isNotEmpty().allSatisfy(recorded -> {
            assertThat(recorded.operation.kind()).isEqualTo(OperationKind.DDL);
            assertThat(recorded.signals).endsWith("end");
        });
        assertThat(seen).allSatisfy(recorded -> {
            // insertAll runs its chunks in a transaction of its own
            assertThat(recorded.operation.inTransaction()).isEqualTo(recorded.operation.kind() == OperationKind.BATCH_INSERT);
            assertThat(recorded.operation.coalesced()).isFalse();
            assertThat(recorded.operation.readOnly()).isEqualTo(recorded.operation.kind().isRead());
            assertThat(recorded.operation.databaseSystem()).isIn("postgresql", "mariadb", "h2");
            assertThat(recorded.operation.sql()).doesNotContain("Ann", "three");
        });
        assertThat(seen.get(8).operation.sql()).contains("'?'").doesNotContain("Anne");
    }

    @Test
    void relationshipFollowUpsNameTheRelationshipTheyLoad() {
        Writer ann = db.insert(Writer.named("Ann")).block(TIMEOUT);
        db.insertAll(List.of(new Poem(null, "one", Ref.to(ann.id())), new Poem(null, "two", Ref.to(ann.id()))))
                .then().block(TIMEOUT);
        recorder.clear();
        counting.reset();

        assertThat(db.findAll(Poem.class, FetchPlan.of("writer")).collectList().block(TIMEOUT)).hasSize(2);
        assertThat(db.findAll(Writer.class, FetchPlan.of("poems")).collectList().block(TIMEOUT)).hasSize(1);

        assertThat(recorder.executions()).extracting(Recorded::summary).containsExactly(
                "QUERY Poem rows=2 end", "RELATIONSHIP Writer Poem.writer rows=1 end",
                "QUERY Writer rows=1 end", "RELATIONSHIP Poem Writer.poems rows=2 end");
        assertThat(recorder.executions()).hasSize(counting.statements());
    }

    @Test
    void aStreamCancelledMidwayIsReportedAsCancelled() {
        db.insertAll(IntStream.range(0, 500).mapToObj(i -> Writer.named("writer " + i)).toList()).then().block(TIMEOUT);
        recorder.clear();

        StepVerifier.create(db.findAll(Writer.class).take(3)).expectNextCount(3).expectComplete().verify(TIMEOUT);

        awaitTrue(() -> recorder.executions().size() == 1 && recorder.executions().get(0).ended());
        Recorded query = recorder.executions().get(0);
        assertThat(query.operation.kind()).isEqualTo(OperationKind.QUERY);
        assertThat(query.signals).hasSize(2).endsWith("cancel");
        assertThat(query.rows).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aTransactionAndEveryStatementInItIncludingCursorFetchesAreReported() {
        db.insertAll(IntStream.range(0, 600).mapToObj(i -> Writer.named("writer " + i)).toList()).then().block(TIMEOUT);
        recorder.clear();
        counting.reset();

        List<Writer> first = db.inTransaction(TransactionOptions.readOnlyTransaction(),
                tx -> db.findAll(Writer.class).take(300)).collectList().block(TIMEOUT);

        assertThat(first).hasSize(300);
        List<Recorded> seen = recorder.executions();
        assertThat(seen.get(0).summary()).isEqualTo("TRANSACTION - rows=0 end");
        assertThat(seen.get(1).summary()).isEqualTo("BEGIN - rows=0 end");
        assertThat(seen.get(seen.size() - 1).summary()).isEqualTo("COMMIT - rows=0 end");
        List<Recorded> statements = seen.subList(2, seen.size() - 1);
        assertThat(statements).hasSize(counting.statements()).allSatisfy(recorded -> {
            assertThat(recorded.operation.kind()).isEqualTo(OperationKind.QUERY);
            assertThat(recorded.operation.entityType()).isEqualTo(Writer.class);
            assertThat(recorded.operation.inTransaction()).isTrue();
            assertThat(recorded.operation.readOnly()).isTrue();
            assertThat(recorded.signals).hasSize(2);
        });
        assertThat(seen).allSatisfy(recorded -> assertThat(recorded.operation.inTransaction()).isTrue());
    }

    @Test
    void aFailedStatementIsReportedAsAnErrorAndItsTransactionRollsBack() {
        StepVerifier.create(db.inTransaction(tx -> db.sql("INSERT INTO obs_writer (name) VALUES (NULL)").execute()))
                .expectError(DataAccessException.class)
                .verify(TIMEOUT);

        awaitTrue(() -> recorder.executions().size() == 4 && recorder.executions().get(0).ended());
        assertThat(recorder.executions()).extracting(Recorded::summary).containsExactly(
                "TRANSACTION - rows=0 error", "BEGIN - rows=0 end", "SQL - rows=0 error", "ROLLBACK - rows=0 end");
        assertThat(recorder.executions().get(2).failure).isInstanceOf(DataAccessException.class);
        assertThat(recorder.executions().get(0).failure).isInstanceOf(DataAccessException.class);
    }

    @Test
    void sixtyFourConcurrentLookupsAreSeenAsCoalescedBatches() {
        List<Writer> writers = db.insertAll(IntStream.range(0, 64).mapToObj(i -> Writer.named("writer " + i)).toList())
                .collectList().block(TIMEOUT);
        recorder.clear();
        counting.reset();

        List<Writer> found = Flux.fromIterable(writers)
                .flatMap(writer -> db.findById(Writer.class, writer.id()), 64)
                .collectList().block(TIMEOUT);

        assertThat(found).hasSize(64);
        List<Recorded> seen = recorder.executions();
        assertThat(seen).hasSize(counting.statements()).allSatisfy(recorded -> {
            assertThat(recorded.operation.kind()).isEqualTo(OperationKind.LOOKUP);
            assertThat(recorded.operation.entityType()).isEqualTo(Writer.class);
            assertThat(recorded.signals).endsWith("end");
        });
        long coalesced = seen.stream().filter(recorded -> recorded.operation.coalesced()).count();
        assertThat(coalesced).isEqualTo(db.coalescingStatistics().lookups().batches());
        assertThat(seen.stream().mapToLong(recorded -> recorded.rows).sum()).isEqualTo(64);
        if (lookupsOverlap()) {
            assertThat(coalesced).isPositive();
            assertThat(seen.size()).isLessThan(64);
        }
    }

    @Test
    void theReadOnlyFlagReachesACustomConnectionProvider() {
        List<String> acquisitions = Collections.synchronizedList(new ArrayList<>());
        ConnectionProvider provider = new ConnectionProvider() {
            @Override
            public Publisher<? extends Connection> acquire(ConnectionFactory factory) {
                return factory.create();
            }

            @Override
            public Publisher<? extends Connection> acquire(ConnectionFactory factory, Operation operation) {
                acquisitions.add(operation.kind() + (operation.readOnly() ? " read-only" : " read-write"));
                return factory.create();
            }

            @Override
            public Publisher<Void> release(Connection connection, ConnectionFactory factory) {
                return connection.close();
            }
        };
        Database routed = Database.builder(counting).connectionProvider(provider).build();

        Writer ann = routed.insert(Writer.named("Ann")).block(TIMEOUT);
        routed.findById(Writer.class, ann.id()).block(TIMEOUT);
        routed.inTransaction(TransactionOptions.readOnlyTransaction(), tx -> routed.count(Writer.class)).blockLast(TIMEOUT);
        routed.inTransaction(tx -> routed.update(ann)).blockLast(TIMEOUT);

        assertThat(acquisitions).containsExactly("INSERT read-write", "LOOKUP read-only", "TRANSACTION read-only",
                "TRANSACTION read-write");
    }

    /** The executions of statements, without the transactions around them and their begin and end. */
    private static List<Recorded> statements(List<Recorded> executions) {
        return executions.stream().filter(recorded -> switch (recorded.operation.kind()) {
            case TRANSACTION, BEGIN, COMMIT, ROLLBACK -> false;
            default -> true;
        }).toList();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        io.rowflow.test.Await.until("the listener saw the end", Duration.ofSeconds(10), condition);
    }

    /** Records every execution with its signals. */
    private static final class Recorder implements OperationListener {
        private final List<Recorded> executions = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Execution start(Operation operation, ContextView context) {
            Recorded recorded = new Recorded(operation);
            executions.add(recorded);
            return recorded;
        }

        List<Recorded> executions() {
            synchronized (executions) {
                return List.copyOf(executions);
            }
        }

        void clear() {
            executions.clear();
        }
    }

    /** One execution: its operation and the signals it got. */
    private static final class Recorded implements OperationListener.Execution {
        final Operation operation;
        final List<String> signals = Collections.synchronizedList(new ArrayList<>());
        volatile long rows = -1;
        volatile Throwable failure;

        Recorded(Operation operation) {
            this.operation = operation;
        }

        @Override
        public void rows(long count) {
            rows = count;
            signals.add("rows");
        }

        @Override
        public void end() {
            signals.add("end");
        }

        @Override
        public void error(Throwable error) {
            failure = error;
            signals.add("error");
        }

        @Override
        public void cancel() {
            signals.add("cancel");
        }

        boolean ended() {
            return signals.size() == 2;
        }

        String summary() {
            Class<?> entity = operation.entityType();
            String relationship = operation.relationship();
            return operation.kind() + " " + (entity == null ? "-" : entity.getSimpleName())
                    + (relationship == null ? "" : " " + relationship) + " rows=" + rows + " "
                    + (signals.size() == 2 && signals.get(0).equals("rows") ? signals.get(1) : signals);
        }
    }
}

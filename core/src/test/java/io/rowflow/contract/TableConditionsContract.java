package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.InternalHooks;
import io.rowflow.fixtures.hidden.Novel;
import io.rowflow.fixtures.hidden.Subject;
import io.rowflow.fixtures.hidden.Writer;
import io.rowflow.internal.query.TableConditions;
import io.rowflow.sql.Expression;
import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.TableRef;
import io.rowflow.test.CountingConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * A condition registered for an entity through the SQL writer's one table hook ({@link TableConditions})
 * applies to every way Rowflow reads that entity's rows: a query, a count, an existence check, a
 * lookup by id, a lookup of many ids, coalesced lookup batches, and the follow-ups of to-one,
 * one-to-many and many-to-many relationships. Here it hides rows flagged {@code hidden}, as a
 * soft-delete filter will, on a hand-written schema; results are checked against the fixture and
 * every statement sent is checked for the condition.
 */
public abstract class TableConditionsContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int WRITERS = 10;
    private static final int NOVELS = 40;
    private static final int SUBJECTS = 6;
    private static final Set<Class<?>> FILTERED = Set.of(Writer.class, Novel.class, Subject.class);
    private static final TableConditions VISIBLE_ONLY = (table, model) -> FILTERED.contains(model.type())
            ? new Predicate.Comparison(new Expression.Column(table, "hidden"), Predicate.ComparisonOperator.EQ,
            new Expression.Value(false))
            : null;

    private CountingConnectionFactory counting;
    private ConnectionPool pool;
    private Database db;

    /** The real database under test, unpooled. */
    protected abstract ConnectionFactory connectionFactory();

    /** Whether concurrent lookups reliably overlap on this driver (not on synchronous H2). */
    protected boolean lookupsOverlap() {
        return true;
    }

    @BeforeEach
    void createData() {
        counting = new CountingConnectionFactory(connectionFactory());
        pool = TestDatabases.pooled(counting, 4);
        db = InternalHooks.tableConditions(Database.builder(pool), VISIBLE_ONLY).build();
        List<String> ddl = List.of(
                "CREATE TABLE hid_writer (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, "
                        + "hidden BOOLEAN NOT NULL)",
                "CREATE TABLE hid_novel (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(40) NOT NULL, "
                        + "hidden BOOLEAN NOT NULL, writer_id INTEGER REFERENCES hid_writer (id))",
                "CREATE TABLE hid_subject (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, "
                        + "hidden BOOLEAN NOT NULL)",
                "CREATE TABLE hid_novel_subject (novel_id INTEGER NOT NULL REFERENCES hid_novel (id), "
                        + "subject_id INTEGER NOT NULL REFERENCES hid_subject (id), PRIMARY KEY (novel_id, subject_id))",
                "INSERT INTO hid_writer VALUES " + values(WRITERS,
                        i -> i + ", 'writer " + i + "', " + writerHidden(i)),
                "INSERT INTO hid_novel VALUES " + values(NOVELS,
                        i -> i + ", 'novel " + i + "', " + novelHidden(i) + ", " + writerOf(i)),
                "INSERT INTO hid_subject VALUES " + values(SUBJECTS,
                        i -> i + ", 'subject " + i + "', " + subjectHidden(i)),
                "INSERT INTO hid_novel_subject VALUES " + IntStream.rangeClosed(1, NOVELS)
                        .mapToObj(i -> subjectsOf(i).stream().map(s -> "(" + i + ", " + s + ")")
                                .collect(Collectors.joining(", ")))
                        .collect(Collectors.joining(", ")));
        Flux.just("hid_novel_subject", "hid_subject", "hid_novel", "hid_writer")
                .concatMap(table -> db.sql("DROP TABLE IF EXISTS " + table).execute())
                .thenMany(Flux.fromIterable(ddl).concatMap(statement -> db.sql(statement).execute()))
                .blockLast(TIMEOUT);
        counting.reset();
    }

    @AfterEach
    void closePool() {
        io.rowflow.test.Await.until("every connection released", Duration.ofSeconds(10),
                () -> pool.getMetrics().map(metrics -> metrics.acquiredSize() == 0).orElse(true));
        pool.disposeLater().block(TIMEOUT);
    }

    private static String values(int rows, java.util.function.IntFunction<String> row) {
        return IntStream.rangeClosed(1, rows).mapToObj(i -> "(" + row.apply(i) + ")").collect(Collectors.joining(", "));
    }

    private static boolean writerHidden(int writer) {
        return writer % 2 == 0;
    }

    private static boolean novelHidden(int novel) {
        return novel % 4 == 0;
    }

    private static boolean subjectHidden(int subject) {
        return subject % 3 == 0;
    }

    private static int writerOf(int novel) {
        return (novel - 1) % WRITERS + 1;
    }

    private static List<Integer> subjectsOf(int novel) {
        return List.of(novel % SUBJECTS + 1, (novel + 1) % SUBJECTS + 1);
    }

    private static List<Integer> visibleWriters() {
        return IntStream.rangeClosed(1, WRITERS).filter(i -> !writerHidden(i)).boxed().toList();
    }

    private static List<Integer> visibleNovels() {
        return IntStream.rangeClosed(1, NOVELS).filter(i -> !novelHidden(i)).boxed().toList();
    }

    /** Every statement sent carried the condition. */
    private void assertEveryStatementFiltered() {
        assertThat(counting.executedSql()).isNotEmpty().allSatisfy(sql -> assertThat(sql).containsIgnoringCase("hidden"));
    }

    @Test
    void queriesCountsAndExistenceChecksSeeOnlyVisibleRows() {
        TableRef writer = new TableRef(Writer.class, "writer");
        TableRef novel = new TableRef(Novel.class, "novel");
        SelectStatement<Writer> writerTwo = SelectStatement.of(writer, Writer.class).withWhere(new Predicate.Comparison(
                new Expression.Column(writer, "id"), Predicate.ComparisonOperator.EQ, new Expression.Value(2)));

        assertThat(db.fetch(SelectStatement.of(writer, Writer.class)).map(Writer::id).collectList().block(TIMEOUT))
                .containsExactlyInAnyOrderElementsOf(visibleWriters());
        assertThat(db.count(Writer.class).block(TIMEOUT)).isEqualTo(visibleWriters().size());
        assertThat(db.count(SelectStatement.of(novel, Novel.class)).block(TIMEOUT)).isEqualTo(visibleNovels().size());
        assertThat(db.existsById(Writer.class, 2).block(TIMEOUT)).isFalse();
        assertThat(db.existsById(Writer.class, 3).block(TIMEOUT)).isTrue();
        assertThat(db.exists(writerTwo).block(TIMEOUT)).isFalse();
        assertThat(db.fetchOne(writerTwo).blockOptional(TIMEOUT)).isEmpty();

        assertThat(counting.statements()).isEqualTo(7);
        assertEveryStatementFiltered();
    }

    @Test
    void lookupsByIdAndByManyIdsSeeOnlyVisibleRows() {
        assertThat(db.findById(Writer.class, 2).blockOptional(TIMEOUT)).isEmpty();
        assertThat(db.findById(Writer.class, 3).block(TIMEOUT).name()).isEqualTo("writer 3");
        assertThat(db.findAllById(Writer.class, IntStream.rangeClosed(1, WRITERS).boxed().toList()).map(Writer::id)
                .collectList().block(TIMEOUT)).containsExactlyElementsOf(visibleWriters());

        assertThat(counting.statements()).isEqualTo(3);
        assertEveryStatementFiltered();
    }

    @Test
    void coalescedLookupBatchesSeeOnlyVisibleRows() {
        List<Integer> keys = IntStream.range(0, 2_000).map(i -> i % NOVELS + 1).boxed().toList();

        List<Optional<Novel>> found = Flux.fromIterable(keys)
                .flatMapSequential(key -> db.findById(Novel.class, key).map(Optional::of).defaultIfEmpty(Optional.empty()), 64)
                .collectList().block(TIMEOUT);

        for (int i = 0; i < keys.size(); i++) {
            assertThat(found.get(i).map(Novel::id)).as("novel %d", keys.get(i))
                    .isEqualTo(novelHidden(keys.get(i)) ? Optional.empty() : Optional.of(keys.get(i)));
        }
        if (lookupsOverlap()) {
            assertThat(db.coalescingStatistics().lookups().statements()).isLessThan(2_000 / 4);
            assertThat(counting.executedSql()).anySatisfy(sql -> assertThat(sql).containsAnyOf("ANY(", " IN ("));
        }
        assertEveryStatementFiltered();
    }

    @Test
    void relationshipFollowUpsOfEveryKindSeeOnlyVisibleRows() {
        List<Writer> writers = db.findAll(Writer.class, FetchPlan.of("novels")).collectList().block(TIMEOUT);
        assertThat(writers).extracting(Writer::id).containsExactlyInAnyOrderElementsOf(visibleWriters());
        assertThat(writers).allSatisfy(writer -> assertThat(writer.novels()).extracting(Novel::id)
                .containsExactlyElementsOf(visibleNovels().stream().filter(n -> writerOf(n) == writer.id()).toList()));
        assertThat(counting.statements()).as("writers, then their novels").isEqualTo(2);

        List<Novel> novels = db.findAll(Novel.class, FetchPlan.of("writer"), FetchPlan.of("subjects"))
                .collectList().block(TIMEOUT);
        assertThat(novels).extracting(Novel::id).containsExactlyInAnyOrderElementsOf(visibleNovels());
        Map<Boolean, List<Novel>> byWriterHidden = novels.stream()
                .collect(Collectors.partitioningBy(novel -> writerHidden(writerOf(novel.id()))));
        assertThat(byWriterHidden.get(false)).isNotEmpty().allSatisfy(novel ->
                assertThat(novel.writer().get().id()).isEqualTo(writerOf(novel.id())));
        assertThat(byWriterHidden.get(true)).as("a hidden writer is not loaded").isNotEmpty()
                .allSatisfy(novel -> assertThat(novel.writer().isLoaded()).isFalse());
        assertThat(novels).allSatisfy(novel -> assertThat(novel.subjects()).extracting(Subject::id)
                .containsExactlyInAnyOrderElementsOf(subjectsOf(novel.id()).stream()
                        .filter(subject -> !subjectHidden(subject)).toList()));
        assertThat(counting.statements()).as("plus novels, their writers and their subjects").isEqualTo(5);
        assertEveryStatementFiltered();
    }
}

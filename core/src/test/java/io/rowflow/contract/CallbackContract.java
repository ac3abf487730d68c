package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.DatabaseBuilder;
import io.rowflow.MappingException;
import io.rowflow.QueryException;
import io.rowflow.annotation.CreatedAt;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.callback.EntityCallback;
import io.rowflow.callback.Lifecycle;
import io.rowflow.fixtures.audit.Memo;
import io.rowflow.fixtures.audit.Post;
import io.rowflow.fixtures.audit.Remark;
import io.rowflow.mapping.AuditRole;
import io.rowflow.mapping.EntityMapping;
import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.TableRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

/**
 * Lifecycle callbacks and auditing on each database over hand-written DDL: audit columns from a
 * fixed clock and an auditor read from the Reactor context on insert, insertAll (still one
 * statement per chunk), update, upsert and cascades, for a mutable class, a record and a class
 * mapped in code; callbacks changing records, seeing the context, running after loads, and
 * failing before anything is written.
 */
public abstract class CallbackContract extends DatabaseTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-12-05T10:15:30.123Z");
    private static final Instant T1 = Instant.parse("2026-12-06T08:00:00.456Z");

    private final MovableClock clock = new MovableClock(T0);
    private final AtomicReference<EntityCallback<Remark>> beforeInsertRemark = new AtomicReference<>();
    private final AtomicReference<EntityCallback<Remark>> afterLoadRemark = new AtomicReference<>();
    private final AtomicReference<EntityCallback<Post>> beforeInsertPost = new AtomicReference<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    /**
     * Statements creating {@code audit_post} (identity {@code id}, {@code title}, {@code created_at}
     * and {@code updated_at} holding instants, {@code created_by}, {@code updated_by}) and
     * {@code audit_remark} ({@code id bigint} key, {@code body}, {@code created_at timestamp},
     * {@code changed_at bigint}, {@code changed_by}, {@code post_id} referencing a post).
     */
    protected abstract List<String> ddl();

    /** The statements an {@code insertAll} of 10,000 remarks takes: one per chunk. */
    protected abstract int statementsToInsertTenThousandRemarks();

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[0];
    }

    @Override
    protected DatabaseBuilder configure(DatabaseBuilder builder) {
        return builder.clock(clock)
                .auditor(context -> Mono.justOrEmpty(context.getOrEmpty("user")))
                .mapping(EntityMapping.entity(Memo.class).table("audit_post").generatedId(Memo::getId)
                        .audited(Memo::getCreatedAt, AuditRole.CREATED_AT)
                        .audited(Memo::getUpdatedAt, AuditRole.UPDATED_AT)
                        .audited(Memo::getCreatedBy, AuditRole.CREATED_BY)
                        .audited(Memo::getUpdatedBy, AuditRole.UPDATED_BY))
                .callback(Remark.class, Lifecycle.BEFORE_INSERT, (remark, context) -> delegate(beforeInsertRemark, remark, context))
                .callback(Remark.class, Lifecycle.AFTER_LOAD, (remark, context) -> delegate(afterLoadRemark, remark, context))
                .callback(Post.class, Lifecycle.BEFORE_INSERT, (post, context) -> delegate(beforeInsertPost, post, context))
                .callback(Object.class, Lifecycle.AFTER_UPDATE, (entity, context) -> record("after update " + name(entity), entity))
                .callback(Object.class, Lifecycle.BEFORE_DELETE, (entity, context) -> record("before delete " + name(entity), entity))
                .callback(Object.class, Lifecycle.AFTER_DELETE, (entity, context) -> record("after delete " + name(entity), entity));
    }

    private static <T> Mono<T> delegate(AtomicReference<EntityCallback<T>> callback, T entity, reactor.util.context.ContextView context) {
        EntityCallback<T> current = callback.get();
        return current == null ? Mono.just(entity) : current.apply(entity, context);
    }

    private <T> Mono<T> record(String event, T entity) {
        events.add(event);
        return Mono.just(entity);
    }

    private static String name(Object entity) {
        return entity.getClass().getSimpleName();
    }

    @BeforeEach
    void createTables() {
        List<String> statements = new ArrayList<>(List.of("drop table if exists audit_remark", "drop table if exists audit_post"));
        statements.addAll(ddl());
        Flux.fromIterable(statements).concatMap(sql -> db.sql(sql).execute()).blockLast(TIMEOUT);
        counting.reset();
    }

    // ---- auditing ----

    @Test
    void insertFillsAuditColumnsFromTheClockAndTheAuditorInTheContext() {
        Post inserted = db.insert(new Post("Hello")).contextWrite(Context.of("user", "alice")).block(TIMEOUT);

        assertThat(counting.statements()).isEqualTo(1);
        assertThat(inserted.createdAt).isEqualTo(T0);
        assertThat(inserted.updatedAt).isEqualTo(T0);
        assertThat(inserted.createdBy).isEqualTo("alice");
        assertThat(inserted.updatedBy).isEqualTo("alice");
        Post stored = db.findById(Post.class, inserted.id).block(TIMEOUT);
        assertThat(stored.createdAt).isEqualTo(T0);
        assertThat(stored.updatedAt).isEqualTo(T0);
        assertThat(stored.createdBy).isEqualTo("alice");
        assertThat(stored.updatedBy).isEqualTo("alice");
    }

    @Test
    void updateChangesTheUpdatedColumnsAndLeavesTheCreatedOnesAlone() {
        Post post = db.insert(new Post("Hello")).contextWrite(Context.of("user", "alice")).block(TIMEOUT);
        clock.set(T1);
        post.title = "Hello again";

        db.update(post).contextWrite(Context.of("user", "bob")).block(TIMEOUT);

        Post stored = db.findById(Post.class, post.id).block(TIMEOUT);
        assertThat(stored.title).isEqualTo("Hello again");
        assertThat(stored.createdAt).isEqualTo(T0);
        assertThat(stored.createdBy).isEqualTo("alice");
        assertThat(stored.updatedAt).isEqualTo(T1);
        assertThat(stored.updatedBy).isEqualTo("bob");
        assertThat(events).containsExactly("after update Post");
    }

    @Test
    void createdValuesGivenByTheApplicationAreKept() {
        Post imported = new Post("Imported");
        imported.createdAt = Instant.parse("2001-01-01T00:00:00Z");
        imported.createdBy = "legacy";

        Post inserted = db.insert(imported).contextWrite(Context.of("user", "alice")).block(TIMEOUT);

        assertThat(inserted.createdAt).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(inserted.createdBy).isEqualTo("legacy");
        assertThat(inserted.updatedBy).isEqualTo("alice");
    }

    @Test
    void withoutAnAuditorInTheContextTheAuditorColumnsStayNull() {
        Post inserted = db.insert(new Post("Anonymous")).block(TIMEOUT);

        Post stored = db.findById(Post.class, inserted.id).block(TIMEOUT);
        assertThat(stored.createdBy).isNull();
        assertThat(stored.updatedBy).isNull();
        assertThat(stored.createdAt).isEqualTo(T0);
    }

    @Test
    void anAuditorOfTheWrongTypeIsAQueryExceptionAndNothingIsWritten() {
        db.insert(new Post("Typed")).contextWrite(Context.of("user", 42))
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QueryException.class)
                        .hasMessageContaining("java.lang.Integer").hasMessageContaining("Post.createdBy"))
                .verify(TIMEOUT);

        assertThat(db.count(Post.class).block(TIMEOUT)).isZero();
    }

    @Test
    void aRecordComesBackAsANewInstanceWithItsAuditValues() {
        Remark given = Remark.of(1, "first");

        Remark inserted = db.insert(given).contextWrite(Context.of("user", "carol")).block(TIMEOUT);

        assertThat(given.changedBy()).isNull();
        assertThat(inserted.createdAt()).isEqualTo(LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
        assertThat(inserted.changedAt()).isEqualTo(T0.toEpochMilli());
        assertThat(inserted.changedBy()).isEqualTo("carol");
        Remark stored = db.findById(Remark.class, 1L).block(TIMEOUT);
        assertThat(stored.createdAt()).isEqualTo(LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
        assertThat(stored.changedAt()).isEqualTo(T0.toEpochMilli());
        assertThat(stored.changedBy()).isEqualTo("carol");

        clock.set(T1);
        Remark updated = db.update(stored.withBody("edited")).contextWrite(Context.of("user", "dave")).block(TIMEOUT);

        assertThat(updated.createdAt()).isEqualTo(LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
        assertThat(updated.changedAt()).isEqualTo(T1.toEpochMilli());
        assertThat(db.findById(Remark.class, 1L).block(TIMEOUT).changedBy()).isEqualTo("dave");
    }

    @Test
    void upsertRunsTheInsertCallbacksAndAudits() {
        beforeInsertRemark.set((remark, context) -> Mono.just(remark.withBody(remark.body() + "!")));

        Remark inserted = db.upsert(Remark.of(7, "new")).contextWrite(Context.of("user", "hana")).block(TIMEOUT);
        clock.set(T1);
        Remark updated = db.upsert(inserted.withBody("again")).contextWrite(Context.of("user", "ivan")).block(TIMEOUT);

        assertThat(inserted.body()).isEqualTo("new!");
        assertThat(inserted.changedBy()).isEqualTo("hana");
        assertThat(updated.body()).isEqualTo("again!");
        assertThat(updated.createdAt()).as("the entity's, kept").isEqualTo(LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
        assertThat(updated.changedAt()).isEqualTo(T1.toEpochMilli());
        assertThat(db.findById(Remark.class, 7L).block(TIMEOUT).changedBy()).isEqualTo("ivan");
    }

    @Test
    void aClassMappedInCodeIsAuditedFromItsMapping() {
        Memo inserted = db.insert(new Memo("In code")).contextWrite(Context.of("user", "erin")).block(TIMEOUT);

        assertThat(db.model(Memo.class).columns()).filteredOn(column -> column.audit() != null)
                .extracting(column -> column.audit())
                .containsExactlyInAnyOrder(AuditRole.CREATED_AT, AuditRole.UPDATED_AT, AuditRole.CREATED_BY,
                        AuditRole.UPDATED_BY);
        assertThat(inserted.getCreatedAt().toInstant()).isEqualTo(T0);
        assertThat(inserted.getCreatedBy()).isEqualTo("erin");
        Post stored = db.findById(Post.class, inserted.getId()).block(TIMEOUT);
        assertThat(stored.createdAt).isEqualTo(T0);
        assertThat(stored.updatedBy).isEqualTo("erin");
    }

    @Test
    void insertAllOfTenThousandRecordsAuditsEveryRowWithoutExtraStatements() {
        List<Remark> remarks = IntStream.range(0, 10_000).mapToObj(i -> Remark.of(i, "r" + i)).toList();

        List<Remark> inserted = db.insertAll(remarks).contextWrite(Context.of("user", "frank")).collectList()
                .block(TIMEOUT);

        assertThat(counting.statements()).as("one statement per chunk, as without auditing")
                .isEqualTo(statementsToInsertTenThousandRemarks());
        assertThat(inserted).hasSize(10_000).allSatisfy(remark -> {
            assertThat(remark.changedBy()).isEqualTo("frank");
            assertThat(remark.changedAt()).isEqualTo(T0.toEpochMilli());
        });
        assertThat(db.sql("select count(*) from audit_remark where changed_by = :who and changed_at = :at")
                .bind("who", "frank").bind("at", T0.toEpochMilli()).mapTo(Long.class).fetchOne().block(TIMEOUT))
                .isEqualTo(10_000L);
    }

    @Test
    void cascadedChildrenAreAuditedWithTheSameContext() {
        Post post = new Post("With remarks");
        post.remarks = List.of(Remark.of(1, "a"), Remark.of(2, "b"));

        Post inserted = db.insert(post).contextWrite(Context.of("user", "gina")).block(TIMEOUT);

        assertThat(inserted.createdBy).isEqualTo("gina");
        assertThat(inserted.remarks).extracting(Remark::changedBy).containsExactly("gina", "gina");
        List<Remark> stored = db.findAll(Remark.class).collectList().block(TIMEOUT);
        assertThat(stored).hasSize(2).allSatisfy(remark -> {
            assertThat(remark.changedBy()).isEqualTo("gina");
            assertThat(remark.createdAt()).isEqualTo(LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
            assertThat(remark.post().id()).isEqualTo(inserted.id);
        });
    }

    // ---- callbacks ----

    @Test
    void aCallbackReturningAChangedRecordDecidesWhatIsWrittenAndReturned() {
        beforeInsertRemark.set((remark, context) -> Mono.just(remark.withBody(remark.body().toUpperCase())));

        Remark inserted = db.insert(Remark.of(1, "shout")).block(TIMEOUT);
        db.insertAll(List.of(Remark.of(2, "all"), Remark.of(3, "of us"))).blockLast(TIMEOUT);

        assertThat(inserted.body()).isEqualTo("SHOUT");
        assertThat(db.sql("select body from audit_remark order by id").mapTo(String.class).fetch().collectList()
                .block(TIMEOUT)).containsExactly("SHOUT", "ALL", "OF US");
    }

    @Test
    void callbacksSeeTheSubscribersContext() {
        beforeInsertPost.set((post, context) -> {
            post.title = post.title + " #" + context.getOrDefault("trace", "none");
            return Mono.just(post);
        });

        Post inserted = db.insert(new Post("Traced")).contextWrite(Context.of("trace", "t-17")).block(TIMEOUT);

        assertThat(inserted.title).isEqualTo("Traced #t-17");
        assertThat(db.findById(Post.class, inserted.id).block(TIMEOUT).title).isEqualTo("Traced #t-17");
    }

    @Test
    void anErrorFromACallbackArrivesAsOnErrorAndNothingIsWritten() {
        beforeInsertRemark.set((remark, context) -> remark.id() == 3
                ? Mono.error(new IllegalStateException("remark 3 refused"))
                : Mono.just(remark));

        db.insert(Remark.of(3, "no")).as(StepVerifier::create)
                .expectErrorMessage("remark 3 refused").verify(TIMEOUT);
        db.insertAll(List.of(Remark.of(1, "a"), Remark.of(2, "b"), Remark.of(3, "c"))).as(StepVerifier::create)
                .expectErrorMessage("remark 3 refused").verify(TIMEOUT);

        assertThat(counting.statements()).as("the chunk is prepared before its statement is sent").isZero();
        assertThat(db.count(Remark.class).block(TIMEOUT)).isZero();
    }

    @Test
    void anErrorFromACallbackInALaterChunkRollsBackTheEarlierChunks() {
        beforeInsertRemark.set((remark, context) -> remark.id() == 5_500
                ? Mono.error(new IllegalStateException("remark 5500 refused"))
                : Mono.just(remark));
        List<Remark> remarks = IntStream.range(0, 10_000).mapToObj(i -> Remark.of(i, "r" + i)).toList();

        db.insertAll(remarks).as(StepVerifier::create).thenConsumeWhile(remark -> true)
                .expectErrorMessage("remark 5500 refused").verify(TIMEOUT);

        assertThat(db.count(Remark.class).block(TIMEOUT)).isZero();
    }

    @Test
    void anErrorFromACallbackRollsTheTransactionBack() {
        beforeInsertRemark.set((remark, context) -> remark.id() == 2
                ? Mono.fromCallable(() -> {
                    throw new IllegalStateException("remark 2 refused");
                })
                : Mono.just(remark));

        db.inTransaction(tx -> db.insert(Remark.of(1, "kept?")).then(db.insert(Remark.of(2, "refused"))))
                .as(StepVerifier::create)
                .expectErrorMessage("remark 2 refused").verify(TIMEOUT);

        assertThat(db.count(Remark.class).block(TIMEOUT)).isZero();
    }

    @Test
    void aCallbackThrowingIsAnErrorToo() {
        beforeInsertPost.set((post, context) -> {
            throw new IllegalArgumentException("no posts today");
        });

        db.insert(new Post("Thrown")).as(StepVerifier::create).expectErrorMessage("no posts today").verify(TIMEOUT);

        assertThat(db.count(Post.class).block(TIMEOUT)).isZero();
    }

    @Test
    void deleteRunsItsCallbacksAroundTheStatement() {
        Post post = db.insert(new Post("Short-lived")).block(TIMEOUT);

        assertThat(db.delete(post).block(TIMEOUT)).isTrue();

        assertThat(events).containsExactly("before delete Post", "after delete Post");
    }

    @Test
    void afterLoadRunsOnEveryReadPathThatProducesEntities() {
        afterLoadRemark.set((remark, context) -> Mono.just(remark.withBody(remark.body() + " (" + context.getOrDefault("reader", "?") + ")")));
        Post post = new Post("Parent");
        post.remarks = List.of(Remark.of(1, "a"), Remark.of(2, "b"));
        Post inserted = db.insert(post).block(TIMEOUT);
        Context reader = Context.of("reader", "r");

        assertThat(inserted.remarks).extracting(Remark::body).as("inserted, not loaded").containsExactly("a", "b");
        assertThat(db.findById(Remark.class, 1L).contextWrite(reader).block(TIMEOUT).body()).isEqualTo("a (r)");
        assertThat(db.findAllById(Remark.class, List.of(1L, 2L)).contextWrite(reader).map(Remark::body).collectList()
                .block(TIMEOUT)).containsExactly("a (r)", "b (r)");
        assertThat(db.findAll(Remark.class).contextWrite(reader).map(Remark::body).collectList().block(TIMEOUT))
                .containsExactlyInAnyOrder("a (r)", "b (r)");
        TableRef remarks = new TableRef(Remark.class, "remark");
        assertThat(db.fetch(SelectStatement.of(remarks, Remark.class)).contextWrite(reader).map(Remark::body)
                .collectList().block(TIMEOUT)).containsExactlyInAnyOrder("a (r)", "b (r)");
        assertThat(db.inTransaction(tx -> db.findAll(Remark.class)).contextWrite(reader).map(Remark::body)
                .collectList().block(TIMEOUT)).as("in windows inside a transaction").containsExactlyInAnyOrder("a (r)", "b (r)");
        assertThat(db.sql("select * from audit_remark where id = :id").bind("id", 2L).mapTo(Remark.class).fetchOne()
                .contextWrite(reader).block(TIMEOUT).body()).as("raw SQL mapped to the entity").isEqualTo("b (r)");
        Post loaded = db.findById(Post.class, inserted.id, FetchPlan.of("remarks")).contextWrite(reader).block(TIMEOUT);
        assertThat(loaded.remarks).extracting(Remark::body).as("a relationship follow-up")
                .containsExactly("a (r)", "b (r)");
        List<String> coalesced = Flux.range(0, 16)
                .flatMap(i -> db.findById(Remark.class, 1L + i % 2).contextWrite(reader), 16)
                .map(Remark::body).collectList().block(TIMEOUT);
        assertThat(coalesced).hasSize(16).containsOnly("a (r)", "b (r)");
    }

    @Test
    void afterLoadRunsOncePerRowBeforeACoalescedRowIsShared() {
        List<Long> seen = new CopyOnWriteArrayList<>();
        afterLoadRemark.set((remark, context) -> {
            seen.add(remark.id());
            return Mono.just(remark);
        });
        db.insertAll(List.of(Remark.of(1, "a"), Remark.of(2, "b"))).blockLast(TIMEOUT);
        counting.reset();

        List<Remark> found = Flux.range(0, 64).flatMap(i -> db.findById(Remark.class, 1L + i % 2), 64)
                .collectList().block(TIMEOUT);

        assertThat(found).hasSize(64);
        long statements = counting.executedSql().stream().filter(sql -> sql.contains("audit_remark")).count();
        assertThat((long) seen.size()).as("once per row read (each lookup statement reads one or two rows), "
                + "not once per delivered copy").isBetween(statements, 2 * statements);
    }

    // ---- mapping errors ----

    /** A creation time that is not a time. */
    @Table(name = "audit_post")
    record BadTime(@Id Long id, @CreatedAt String createdAt) {
    }

    @Test
    void anAuditTimeOfAnUnsupportedTypeIsAMappingErrorNamingTheProperty() {
        assertThatThrownBy(() -> db.model(BadTime.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("BadTime.createdAt").hasMessageContaining("@CreatedAt")
                .hasMessageContaining("java.lang.String");
    }

    /** A clock whose time the test sets. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

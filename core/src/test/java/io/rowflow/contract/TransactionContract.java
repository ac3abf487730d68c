package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.IsolationLevel;
import io.rowflow.DataAccessException;
import io.rowflow.DuplicateKeyException;
import io.rowflow.Transaction;
import io.rowflow.TransactionOptions;
import io.rowflow.TransactionRollbackException;
import io.rowflow.dialect.Feature;
import io.rowflow.fixtures.Author;
import io.rowflow.fixtures.Customer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Transaction behaviour every database must show: commit, rollback on error and on cancel,
 * savepoints, isolation between transactions, and queued concurrent work on one connection.
 */
public abstract class TransactionContract extends DatabaseTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[]{Author.class, Customer.class};
    }

    private long authors() {
        return db.count(Author.class).block(TIMEOUT);
    }

    @Test
    void commitsWhenTheWorkCompletes() {
        StepVerifier.create(db.inTransaction(tx -> db.insert(Author.named("a")).then(db.insert(Author.named("b")))))
                .expectNextCount(1)
                .verifyComplete();
        assertThat(authors()).isEqualTo(2);
        awaitTrue("the connection is closed", () -> counting.openConnections() == 0);
    }

    @Test
    void rollsBackWhenTheWorkFails() {
        StepVerifier.create(db.inTransaction(tx -> db.insert(Author.named("a"))
                        .then(Mono.error(new IllegalStateException("boom")))))
                .expectErrorMessage("boom")
                .verify(TIMEOUT);
        assertThat(authors()).isZero();
        awaitTrue("the connection is closed", () -> counting.openConnections() == 0);
    }

    @RepeatedTest(5)
    void rollsBackWhenTheSubscriberCancels() {
        Flux<Author> inserts = db.inTransaction(tx -> Flux.range(1, 5).concatMap(i -> db.insert(Author.named("n" + i))));

        StepVerifier.create(inserts.take(1)).expectNextCount(1).verifyComplete();

        awaitTrue("the cancelled transaction released its connection", () -> counting.openConnections() == 0);
        assertThat(authors()).isZero();
    }

    @Test
    void nestedTransactionRollsBackItsSavepointAlone() {
        Flux<Author> work = db.inTransaction(outer -> db.insert(Author.named("kept before"))
                .then(db.inTransaction(inner -> db.insert(Author.named("discarded"))
                                .then(Mono.<Author>error(new IllegalStateException("inner failure"))))
                        .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                        .then())
                .then(db.insert(Author.named("kept after"))));

        StepVerifier.create(work).expectNextCount(1).verifyComplete();

        List<String> names = db.findAll(Author.class).map(Author::name).collectList().block(TIMEOUT);
        assertThat(names).containsExactlyInAnyOrder("kept before", "kept after");
    }

    @Test
    void nestedTransactionCommitsWithItsParent() {
        StepVerifier.create(db.inTransaction(outer -> db.inTransaction(inner -> {
                    assertThat(inner.isNested()).isTrue();
                    return db.insert(Author.named("inner"));
                })))
                .expectNextCount(1)
                .verifyComplete();
        assertThat(authors()).isEqualTo(1);
    }

    @Test
    void handledStatementFailureStillRollsBackTheWholeTransaction() {
        UUID id = UUID.randomUUID();
        UUID third = UUID.randomUUID(); // not inside the callback: it runs on the driver's thread (BlockHound)
        Flux<Customer> work = db.inTransaction(tx -> db.insert(new Customer(id, "first@example.org", null, null))
                .then(db.insert(new Customer(id, "second@example.org", null, null))
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())));

        StepVerifier.create(work)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransactionRollbackException.class)
                        .hasCauseInstanceOf(DuplicateKeyException.class))
                .verify(TIMEOUT);
        assertThat(db.count(Customer.class).block(TIMEOUT)).isZero();
    }

    @Test
    void statementsAfterAHandledFailureFailFastOnEveryDatabase() {
        UUID id = UUID.randomUUID();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Flux<Long> work = db.inTransaction(tx -> db.insert(new Customer(id, "first@example.org", null, null))
                .then(db.insert(new Customer(id, "again@example.org", null, null))
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
                .then(db.count(Customer.class).doOnNext(n -> seen.add("count ran"))));

        StepVerifier.create(work)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransactionRollbackException.class)
                        .hasCauseInstanceOf(DuplicateKeyException.class))
                .verify(TIMEOUT);
        assertThat(seen).isEmpty();
        assertThat(db.count(Customer.class).block(TIMEOUT)).isZero();
    }

    @Test
    void failureHandledAroundASavepointKeepsTheOuterWork() {
        UUID id = UUID.randomUUID();
        UUID third = UUID.randomUUID(); // not inside the callback: it runs on the driver's thread (BlockHound)
        Flux<Customer> work = db.inTransaction(tx -> db.insert(new Customer(id, "first@example.org", null, null))
                .then(db.inTransaction(inner -> db.insert(new Customer(id, "duplicate@example.org", null, null)))
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                        .then())
                .then(db.insert(new Customer(third, "third@example.org", null, null))));

        StepVerifier.create(work).expectNextCount(1).verifyComplete();
        assertThat(db.count(Customer.class).block(TIMEOUT)).isEqualTo(2);
    }

    @Test
    void rollbackOnlyTransactionDoesNotCommit() {
        StepVerifier.create(db.inTransaction(tx -> {
                    tx.setRollbackOnly();
                    return db.insert(Author.named("never"));
                }))
                .expectNextCount(1)
                .expectError(TransactionRollbackException.class)
                .verify(TIMEOUT);
        assertThat(authors()).isZero();
    }

    @Test
    void concurrentTransactionsDoNotSeeEachOthersUncommittedRows() {
        Sinks.One<Void> inserted = Sinks.one();
        Sinks.One<Void> release = Sinks.one();
        Mono<Author> writer = db.inTransaction(tx -> db.insert(Author.named("uncommitted"))
                        .doOnNext(a -> inserted.tryEmitEmpty())
                        .flatMap(a -> release.asMono().thenReturn(a)))
                .single();
        AtomicReference<Author> written = new AtomicReference<>();
        writer.subscribe(written::set);

        inserted.asMono().block(TIMEOUT);
        Long seenByOtherTransaction = db.inTransaction(tx -> db.count(Author.class)).blockLast(TIMEOUT);
        Long seenInsideOwnTransaction = db.inTransaction(tx -> db.count(Author.class)).blockLast(TIMEOUT);
        release.tryEmitEmpty();

        awaitTrue("the writer committed", () -> written.get() != null);
        assertThat(seenByOtherTransaction).isZero();
        assertThat(seenInsideOwnTransaction).isZero();
        awaitTrue("the writer's connection is closed", () -> counting.openConnections() == 0);
        assertThat(authors()).isEqualTo(1);
    }

    @Test
    void workInsideTheTransactionSeesItsOwnUncommittedRows() {
        Long seen = db.inTransaction(tx -> db.insert(Author.named("mine")).then(db.count(Author.class))).blockLast(TIMEOUT);
        assertThat(seen).isEqualTo(1);
    }

    @RepeatedTest(3)
    void concurrentInsertsInOneTransactionAreQueuedOnItsConnection() {
        List<Author> inserted = db.inTransaction(tx -> Flux.range(1, 100).flatMap(i -> db.insert(Author.named("c" + i))))
                .collectList().block(TIMEOUT);

        assertThat(inserted).hasSize(100).extracting(Author::id).doesNotHaveDuplicates();
        assertThat(counting.createdConnections()).isEqualTo(1);
        assertThat(authors()).isEqualTo(100);
    }

    @RepeatedTest(5)
    void writesIssuedPerRowOfAnOpenReadInOneTransactionDoNotHang() {
        db.insertAll(java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> new Author(null, "r" + i, 0)).toList())
                .blockLast(TIMEOUT);

        List<Author> updated = db.inTransaction(tx -> db.findAll(Author.class)
                        .flatMap(author -> db.update(new Author(author.id(), author.name(), 1))))
                .collectList().block(TIMEOUT);

        assertThat(updated).hasSize(1_000);
        assertThat(db.sql("select count(*) from author where born = 1").mapTo(Long.class).fetchOne().block(TIMEOUT))
                .isEqualTo(1_000L);
    }

    @Test
    void zipOfTwoQueriesInOneTransactionCompletes() {
        db.insert(Author.named("zipped")).block(TIMEOUT);
        String combined = db.inTransaction(tx -> Mono.zip(db.count(Author.class), db.findAll(Author.class).map(Author::name).next())
                        .map(pair -> pair.getT1() + ":" + pair.getT2()))
                .blockLast(TIMEOUT);
        assertThat(combined).isEqualTo("1:zipped");
    }

    @RepeatedTest(3)
    void injectedFailureInConcurrentWritesRollsBackEveryWrite() {
        Flux<Author> work = db.inTransaction(tx -> Flux.range(1, 100).flatMap(i -> i == 57
                ? Mono.error(new IllegalStateException("injected at 57"))
                : db.insert(Author.named("w" + i))));

        StepVerifier.create(work).thenConsumeWhile(a -> true).expectErrorMessage("injected at 57").verify(TIMEOUT);

        awaitTrue("the failed transaction released its connection", () -> counting.openConnections() == 0);
        assertThat(authors()).isZero();
    }

    @RepeatedTest(5)
    void hundredWritesFailingAtARandomStepCommitNothing() {
        int failAt = 1 + new java.util.Random().nextInt(100);
        Flux<Author> sequential = db.inTransaction(tx -> Flux.range(1, 100).concatMap(i -> i == failAt
                ? Mono.error(new IllegalStateException("fail at " + failAt))
                : db.insert(Author.named("s" + i))));
        Flux<Author> concurrent = db.inTransaction(tx -> Flux.range(1, 100).flatMap(i -> i == failAt
                ? db.insert(Author.named("dup")).then(db.insert(new Author(-1L, "duplicate id", 0)))
                        .then(db.insert(new Author(-1L, "duplicate id", 0)))
                : db.insert(Author.named("c" + i))));

        StepVerifier.create(sequential).thenConsumeWhile(a -> true).expectError(IllegalStateException.class).verify(TIMEOUT);
        StepVerifier.create(concurrent).thenConsumeWhile(a -> true).expectError().verify(TIMEOUT);

        awaitTrue("the failed transactions released their connections", () -> counting.openConnections() == 0);
        assertThat(authors()).as("failure at step %d", failAt).isZero();
        StepVerifier.create(db.inTransaction(tx -> Flux.range(1, 100).flatMap(i -> db.insert(Author.named("ok" + i)))).count())
                .expectNext(100L).verifyComplete();
        assertThat(authors()).isEqualTo(100);
    }

    @Test
    void transactionalOperatorsWrapFluxAndMono() {
        Flux<Author> flux = Flux.just("x", "y").concatMap(name -> db.insert(Author.named(name)));
        assertThat(flux.as(db::transactional).collectList().block(TIMEOUT)).hasSize(2);

        Mono<Author> failing = db.insert(Author.named("z")).then(Mono.error(new IllegalStateException("no")));
        StepVerifier.create(failing.as(db::transactional)).expectError(IllegalStateException.class).verify(TIMEOUT);
        assertThat(authors()).isEqualTo(2);
    }

    @Test
    void isolationLevelOptionStartsTheTransaction() {
        TransactionOptions serializable = TransactionOptions.isolation(IsolationLevel.SERIALIZABLE);
        Long count = db.inTransaction(serializable, tx -> db.insert(Author.named("s")).then(db.count(Author.class)))
                .blockLast(TIMEOUT);
        assertThat(count).isEqualTo(1);
    }

    @Test
    void readOnlyTransactionRefusesWritesWhereTheDatabaseEnforcesIt() {
        Flux<Author> write = db.inTransaction(TransactionOptions.readOnlyTransaction(), tx -> db.insert(Author.named("ro")));

        if (db.dialect().supports(Feature.READ_ONLY_TRANSACTIONS)) {
            StepVerifier.create(write)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DataAccessException.class)
                            .extracting(error -> ((DataAccessException) error).sqlState()).isEqualTo("25006"))
                    .verify(TIMEOUT);
            assertThat(authors()).isZero();
        } else {
            StepVerifier.create(write).expectNextCount(1).verifyComplete();
            assertThat(authors()).as("the flag is ignored").isEqualTo(1);
        }
    }

    @Test
    void transactionHandleReportsItsState() {
        Transaction seen = db.inTransaction(tx -> Mono.just(tx)).blockLast(TIMEOUT);
        assertThat(seen.isNested()).isFalse();
        assertThat(seen.isRollbackOnly()).isFalse();
        assertThat(seen.options()).isEqualTo(TransactionOptions.defaults());
    }
}

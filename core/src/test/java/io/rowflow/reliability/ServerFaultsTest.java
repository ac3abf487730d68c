package io.rowflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.ConcurrencyFailureException;
import io.rowflow.DataAccessException;
import io.rowflow.Retries;
import io.rowflow.fixtures.Author;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * What the server does to a data layer: a backend killed mid-stream, a deadlock between two
 * transactions, a transient failure retried. Each surfaces as a typed error, the pool recovers,
 * and retried work is written once.
 */
class ServerFaultsTest extends PostgresReliabilitySupport {

    @BeforeEach
    void createData() {
        openPool(4, Duration.ofSeconds(10));
        db.schema().dropIfExists(Author.class).then(db.schema().create(Author.class)).block(TIMEOUT);
        db.insertAll(List.of(new Author(null, "left", 0), new Author(null, "right", 0))).then().block(TIMEOUT);
    }

    @Test
    void backendKilledMidStreamErrorsTheFluxAndThePoolRecovers() {
        closePool();
        openPool(1, Duration.ofSeconds(10));
        Sinks.One<Integer> pid = Sinks.one();
        Flux<Integer> stream = db.sql("select pg_backend_pid() as pid, g from generate_series(1, 50000000) g")
                .fetchSize(500)
                .map(row -> row.get("pid", Integer.class))
                .fetch()
                .doOnNext(pid::tryEmitValue);

        StepVerifier.create(stream.then())
                .then(() -> {
                    Integer backend = pid.asMono().block(TIMEOUT);
                    observer.sql("select pg_terminate_backend(:pid)").bind("pid", backend).mapTo(Boolean.class)
                            .fetchOne().block(TIMEOUT);
                })
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DataAccessException.class))
                .verify(Duration.ofSeconds(20));

        assertNothingHeld();
        assertThat(db.count(Author.class).block(TIMEOUT)).as("the next operation succeeds").isEqualTo(2L);
        assertEveryPooledConnectionAnswers(1);
    }

    private Mono<Long> bump(String name) {
        return db.sql("update author set born = born + 1 where name = :name").bind("name", name).execute();
    }

    /** A transaction locking {@code first}, then waiting for the other to lock its row, then locking {@code second}. */
    private Flux<Long> crossing(String first, String second, Sinks.Empty<Void> lockedMine, Mono<Void> lockedTheirs,
                                AtomicInteger attempts) {
        return db.inTransaction(tx -> Mono.fromRunnable(attempts::incrementAndGet)
                .then(bump(first))
                .doOnNext(n -> lockedMine.tryEmitEmpty())
                .then(lockedTheirs)
                .then(bump(second)));
    }

    @Test
    void deadlockIsATransientConcurrencyFailure() {
        Sinks.Empty<Void> leftLocked = Sinks.empty();
        Sinks.Empty<Void> rightLocked = Sinks.empty();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();

        Flux.merge(crossing("left", "right", leftLocked, rightLocked.asMono(), attempts).onErrorResume(e -> {
                    failures.add(e);
                    return Mono.empty();
                }),
                crossing("right", "left", rightLocked, leftLocked.asMono(), attempts).onErrorResume(e -> {
                    failures.add(e);
                    return Mono.empty();
                }))
                .blockLast(TIMEOUT);

        assertThat(failures).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(ConcurrencyFailureException.class);
            assertThat(((ConcurrencyFailureException) e).isTransient()).isTrue();
            assertThat(((ConcurrencyFailureException) e).sqlState()).isEqualTo("40P01");
        });
        assertThat(Retries.isTransient(failures.get(0))).isTrue();
        assertNothingHeld();
    }

    @Test
    void retryHelperRerunsTheDeadlockedTransactionUntilBothCommit() {
        Sinks.Empty<Void> leftLocked = Sinks.empty();
        Sinks.Empty<Void> rightLocked = Sinks.empty();
        AtomicInteger attempts = new AtomicInteger();

        Flux.merge(crossing("left", "right", leftLocked, rightLocked.asMono(), attempts).retryWhen(Retries.transientFailures(3)),
                        crossing("right", "left", rightLocked, leftLocked.asMono(), attempts).retryWhen(Retries.transientFailures(3)))
                .blockLast(TIMEOUT);

        assertThat(attempts.get()).as("one deadlock victim ran twice").isEqualTo(3);
        assertThat(db.sql("select born from author order by name").mapTo(Integer.class).fetch().collectList().block(TIMEOUT))
                .as("both transactions committed exactly once").containsExactly(2, 2);
        assertNothingHeld();
    }

    @Test
    void retriedTransactionWritesOnceAfterATransientFailure() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<Void> failsOnce = Mono.defer(() -> attempts.incrementAndGet() == 1
                ? Mono.error(new ConcurrencyFailureException("injected serialization failure", null, "40001", null))
                : Mono.empty());

        db.inTransaction(tx -> db.insert(new Author(null, "written once", 1)).then(failsOnce))
                .retryWhen(Retries.transientFailures(3))
                .blockLast(TIMEOUT);

        assertThat(attempts.get()).isEqualTo(2);
        assertThat(db.sql("select count(*) from author where name = 'written once'").mapTo(Long.class).fetchOne()
                .block(TIMEOUT)).isEqualTo(1L);
    }

    @Test
    void nonTransientFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        Flux<Author> failing = db.inTransaction(tx -> Mono.fromRunnable(attempts::incrementAndGet)
                .then(db.sql("select * from no_such_table").mapTo(Author.class).fetchOne()));

        StepVerifier.create(failing.retryWhen(Retries.transientFailures(3)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DataAccessException.class)
                        .extracting(error -> ((DataAccessException) error).sqlState()).isEqualTo("42P01"))
                .verify(TIMEOUT);
        assertThat(attempts.get()).isEqualTo(1);
    }
}

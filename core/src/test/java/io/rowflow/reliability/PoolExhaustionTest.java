package io.rowflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.DataAccessException;
import io.rowflow.fixtures.Author;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * More work than connections: requests wait up to the pool's acquire timeout and then fail with a
 * clear, transient error; work nested inside a transaction never asks for a second connection, so
 * a pool of one cannot deadlock on it.
 */
class PoolExhaustionTest extends PostgresReliabilitySupport {

    private static final Duration ACQUIRE_TIMEOUT = Duration.ofMillis(700);

    @BeforeEach
    void createData() {
        openPool(2, ACQUIRE_TIMEOUT);
        db.schema().dropIfExists(Author.class).then(db.schema().create(Author.class)).block(TIMEOUT);
    }

    @Test
    void requestsBeyondThePoolWaitForTheAcquireTimeoutThenFailClearly() {
        Sinks.Empty<Void> release = Sinks.empty();
        Flux.range(0, 2).subscribe(i -> db.inTransaction(tx -> db.count(Author.class).then(release.asMono())).subscribe());
        awaitTrue("both connections are held", () -> metrics().acquiredSize() == 2);

        long start = System.nanoTime();
        StepVerifier.create(db.count(Author.class))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DataAccessException.class)
                            .hasMessageContaining("Could not obtain a database connection");
                    assertThat(((DataAccessException) e).isTransient()).isTrue();
                })
                .verify(TIMEOUT);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).isGreaterThanOrEqualTo(ACQUIRE_TIMEOUT.minusMillis(50)).isLessThan(Duration.ofSeconds(5));

        release.tryEmitEmpty();
        assertNothingHeld();
        assertThat(db.count(Author.class).block(TIMEOUT)).isZero();
    }

    @Test
    void moreConcurrentTransactionsThanConnectionsAllCompleteWhenTheyFitTheTimeout() {
        List<Long> counts = Flux.range(0, 20)
                .flatMap(i -> db.inTransaction(tx -> db.insert(Author.named("t" + i)).then(db.count(Author.class))))
                .collectList().block(TIMEOUT);

        assertThat(counts).hasSize(20);
        assertThat(db.count(Author.class).block(TIMEOUT)).isEqualTo(20L);
        assertNothingHeld();
    }

    @Test
    void nestedWorkInsideATransactionUsesItsConnectionEvenOnAPoolOfOne() {
        closePool();
        openPool(1, ACQUIRE_TIMEOUT);

        Long seen = db.inTransaction(tx -> db.insert(Author.named("outer"))
                        .thenMany(db.inTransaction(inner -> db.insert(Author.named("savepoint")).then(db.count(Author.class))))
                        .thenMany(Flux.range(0, 10).flatMap(i -> db.insert(Author.named("concurrent " + i))))
                        .then(db.findAll(Author.class).count()))
                .blockLast(TIMEOUT);

        assertThat(seen).isEqualTo(12L);
        assertThat(db.count(Author.class).block(TIMEOUT)).isEqualTo(12L);
        assertNothingHeld();
    }

    @Test
    void cancellationDoesNotLeakPermitsWhenThePoolIsTight() {
        Flux.range(0, 300)
                .flatMap(i -> db.inTransaction(tx -> db.insert(Author.named("x" + i)).then(Mono.never()))
                        .timeout(Duration.ofMillis(5 + i % 30))
                        .onErrorResume(e -> Mono.empty()), 8)
                .blockLast(TIMEOUT);

        assertNothingHeld();
        assertThat(db.count(Author.class).block(TIMEOUT)).isZero();
    }

    @Test
    void emptyTransactionsLeaveNoConnectionInsideATransaction() {
        closePool();
        openPool(1, ACQUIRE_TIMEOUT);

        Flux.range(0, 300).concatMap(i -> db.inTransaction(tx -> Mono.empty())).blockLast(TIMEOUT);
        db.insert(Author.named("auto-committed")).block(TIMEOUT);

        assertThat(observer.sql("select count(*) from " + io.rowflow.test.TestDatabases.schemaOf(getClass()) + ".author")
                .mapTo(Long.class).fetchOne().block(TIMEOUT)).as("visible to another connection, so committed").isEqualTo(1L);
        assertNothingHeld();
    }
}

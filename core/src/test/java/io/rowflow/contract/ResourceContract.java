package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.fixtures.Author;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Every connection goes back to the pool, whether an operation completes, fails or is cancelled
 * (mid-stream, in a transaction, or while still waiting for a connection). The pool's metrics
 * are the oracle.
 */
public abstract class ResourceContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int POOL_SIZE = 4;

    protected ConnectionPool pool;
    protected Database db;

    /** The real database under test, unpooled. */
    protected abstract ConnectionFactory connectionFactory();

    @BeforeEach
    void createPooledDatabase() {
        pool = TestDatabases.pooled(connectionFactory(), POOL_SIZE);
        db = Database.create(pool);
        db.schema().dropIfExists(Author.class).then(db.schema().create(Author.class)).block(TIMEOUT);
        db.insertAll(IntStream.range(0, 10_000).mapToObj(i -> new Author(null, "author " + i, i)).toList())
                .then().block(TIMEOUT);
    }

    @AfterEach
    void closePool() {
        pool.disposeLater().block(TIMEOUT);
    }

    @Test
    void thousandCancelledStreamingReadsLeaveNoConnectionAcquired() {
        List<Long> taken = Flux.range(0, 1_000)
                .flatMap(i -> db.findAll(Author.class).take(3).count(), 8)
                .collectList().block(TIMEOUT);

        assertThat(taken).hasSize(1_000).containsOnly(3L);
        awaitPoolIdle();
        assertPoolServesEveryConnection();
    }

    @Test
    void cancelledTransactionsRollBackAndReleaseTheirConnections() {
        Flux.range(0, 200)
                .flatMap(i -> db.inTransaction(tx -> Flux.range(0, 5).concatMap(n -> db.insert(Author.named("tx " + i))))
                        .take(1), 8)
                .blockLast(TIMEOUT);

        awaitPoolIdle();
        assertThat(db.count(Author.class).block(TIMEOUT)).isEqualTo(10_000L);
        assertPoolServesEveryConnection();
    }

    @Test
    void failedOperationsReleaseTheirConnections() {
        List<Throwable> errors = Flux.range(0, 200)
                .flatMap(i -> db.sql("select * from no_such_table").mapTo(Author.class).fetch()
                        .then(Mono.<Throwable>empty()).onErrorResume(Mono::just), 8)
                .collectList().block(TIMEOUT);

        assertThat(errors).hasSize(200);
        awaitPoolIdle();
        assertPoolServesEveryConnection();
    }

    @Test
    void cancellingWhileWaitingForAConnectionLeavesNothingBehind() {
        Sinks.One<Void> release = Sinks.one();
        List<Disposable> holders = new ArrayList<>();
        for (int i = 0; i < POOL_SIZE; i++) {
            holders.add(db.inTransaction(tx -> db.count(Author.class).then(release.asMono())).subscribe());
        }
        awaitTrue("every pooled connection is held", () -> metrics().acquiredSize() == POOL_SIZE);

        List<Disposable> waiting = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            waiting.add(db.findAll(Author.class).subscribe());
        }
        awaitTrue("the readers wait for connections", () -> metrics().pendingAcquireSize() > 0);
        waiting.forEach(Disposable::dispose);
        release.tryEmitEmpty();

        awaitPoolIdle();
        assertThat(holders).allMatch(Disposable::isDisposed);
        assertPoolServesEveryConnection();
    }

    @Test
    void cancellingRightAfterSubscribingReleasesTheConnection() {
        for (int i = 0; i < 300; i++) {
            Disposable subscription = db.findAll(Author.class).subscribe();
            if (i % 3 == 0) {
                Thread.onSpinWait();
            }
            subscription.dispose();
        }
        awaitPoolIdle();
        assertPoolServesEveryConnection();
    }

    private PoolMetrics metrics() {
        return pool.getMetrics().orElseThrow();
    }

    private void awaitPoolIdle() {
        awaitTrue("no connection is acquired and nobody waits", () -> metrics().acquiredSize() == 0
                && metrics().pendingAcquireSize() == 0);
        assertThat(metrics().acquiredSize()).isZero();
    }

    /** Every pooled connection still answers: the pool was not poisoned by the cancellations. */
    private void assertPoolServesEveryConnection() {
        List<Integer> answers = Flux.range(0, POOL_SIZE * 2)
                .flatMap(i -> db.sql("select 1").mapTo(Integer.class).fetchOne(), POOL_SIZE)
                .collectList().block(TIMEOUT);
        assertThat(answers).hasSize(POOL_SIZE * 2).containsOnly(1);
        awaitPoolIdle();
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        DatabaseTestSupport.awaitTrue(what, condition);
    }
}

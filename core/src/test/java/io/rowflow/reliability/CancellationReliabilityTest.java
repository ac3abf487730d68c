package io.rowflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.fixtures.Author;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Thousands of operations cancelled at random moments — while waiting for a connection, right
 * after getting one, mid-stream past the driver's prefetch, inside transactions — leave no
 * connection held, no transaction open, nothing committed by a cancelled transaction, and a pool
 * that still serves every connection.
 */
class CancellationReliabilityTest extends PostgresReliabilitySupport {

    private static final int POOL_SIZE = 6;
    private static final int ROWS = 2_000;
    private static final String CANCELLED_MARKER = "cancelled transaction";

    @BeforeEach
    void createData() {
        openPool(POOL_SIZE, Duration.ofSeconds(30));
        db.schema().dropIfExists(Author.class).then(db.schema().create(Author.class)).block(TIMEOUT);
        db.insertAll(IntStream.range(0, ROWS).mapToObj(i -> new Author(null, "row " + i, i)).toList()).then().block(TIMEOUT);
    }

    private final java.util.concurrent.atomic.AtomicReference<Throwable> firstUnexpected =
            new java.util.concurrent.atomic.AtomicReference<>();

    @Test
    void tenThousandOperationsCancelledAtRandomPointsLeaveNothingBehind() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        AtomicLong unexpected = new AtomicLong();
        List<Mono<Void>> operations = IntStream.range(0, 10_000).mapToObj(i -> randomCancellation(random, unexpected)).toList();

        Flux.fromIterable(operations).flatMap(operation -> operation, 24).blockLast(Duration.ofMinutes(3));

        assertThat(unexpected.get()).as("unexpected errors (seed %d), the first: %s", seed, firstUnexpected.get()).isZero();
        assertNothingHeld();
        assertThat(db.sql("select count(*) from author where name = :marker").bind("marker", CANCELLED_MARKER)
                .mapTo(Long.class).fetchOne().block(TIMEOUT)).as("rows of cancelled transactions").isZero();
        assertThat(db.count(Author.class).block(TIMEOUT)).isEqualTo((long) ROWS);
        assertEveryPooledConnectionAnswers(POOL_SIZE);
    }

    /** One operation and one way of cancelling it, chosen at random. */
    private Mono<Void> randomCancellation(Random random, AtomicLong unexpected) {
        int kind = random.nextInt(7);
        int rows = 1 + random.nextInt(ROWS);
        long nanos = random.nextInt(3_000_000);
        Mono<Void> operation = switch (kind) {
            case 0 -> db.findAll(Author.class).take(rows).then();                        // mid-stream, often past 256 rows
            case 1 -> db.findAll(Author.class).timeout(Duration.ofNanos(nanos + 1)).then();
            case 2 -> disposeAfter(db.findAll(Author.class), nanos);                       // disposing the subscription
            case 3 -> db.findAll(Author.class).takeUntilOther(Mono.delay(Duration.ofNanos(nanos))).then(); // client gone
            case 4 -> db.inTransaction(tx -> db.insert(new Author(null, CANCELLED_MARKER, 0)).then(Mono.never()))
                    .timeout(Duration.ofNanos(nanos + 1)).then();                       // cancelled transaction
            case 5 -> disposeAfter(db.count(Author.class).flux(), nanos / 10);             // while acquiring or just after
            default -> db.findById(Author.class, 1L + random.nextInt(ROWS)).then();        // completes normally
        };
        return operation.onErrorResume(TimeoutException.class, e -> Mono.empty())
                .onErrorResume(e -> {
                    if (unexpected.getAndIncrement() == 0) {
                        firstUnexpected.set(e);
                    }
                    return Mono.empty();
                });
    }

    private static Mono<Void> disposeAfter(Flux<?> operation, long nanos) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> done = Sinks.empty();
            Disposable subscription = operation.subscribe(item -> { }, error -> done.tryEmitEmpty(), done::tryEmitEmpty);
            return Mono.delay(Duration.ofNanos(nanos))
                    .doOnNext(tick -> subscription.dispose())
                    .then(Mono.firstWithSignal(done.asMono(), Mono.delay(Duration.ofMillis(1)).then()));
        });
    }

    @Test
    void cancellingWhileWaitingForAnExhaustedPoolLeavesNothingBehind() {
        Sinks.Empty<Void> release = Sinks.empty();
        for (int i = 0; i < POOL_SIZE; i++) {
            db.inTransaction(tx -> db.count(Author.class).then(release.asMono())).subscribe();
        }
        awaitTrue("every connection is taken", () -> metrics().acquiredSize() == POOL_SIZE);

        for (int i = 0; i < 500; i++) {
            Disposable waiting = db.findAll(Author.class).subscribe();
            waiting.dispose();
        }
        Flux.range(0, 200).flatMap(i -> db.count(Author.class).timeout(Duration.ofMillis(1 + i % 20))
                .onErrorResume(TimeoutException.class, e -> Mono.empty())).blockLast(TIMEOUT);
        release.tryEmitEmpty();

        assertNothingHeld();
        assertEveryPooledConnectionAnswers(POOL_SIZE);
    }

    @Test
    void cancelledTakeOfAHugeStreamStopsTheServerPromptly() {
        String marker = "huge_stream_marker";
        List<Long> first = db.sql("select g as " + marker + " from generate_series(1, 200000000) g")
                .fetchSize(1_000).mapTo(Long.class).fetch().take(10).collectList().block(TIMEOUT);

        assertThat(first).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        long cancelled = System.nanoTime();
        awaitTrue("the server stopped the cancelled query", () -> backendsRunning(marker) == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(5));
        assertNothingHeld();
        assertThat(db.count(Author.class).block(TIMEOUT)).as("the connection still works").isEqualTo((long) ROWS);
    }
}

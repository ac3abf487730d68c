package io.rowflow.query.contract;

import static io.rowflow.query.Queries.select;
import static io.rowflow.query.fixtures.Novel_.NOVEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.contract.DatabaseTestSupport;
import io.rowflow.query.fixtures.Genre;
import io.rowflow.query.fixtures.Novel;
import io.rowflow.query.fixtures.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Streaming a large query honours backpressure end to end: with a subscriber requesting ten rows
 * at a time, Rowflow maps only a bounded number of rows ahead of the demand instead of reading the
 * whole result into memory.
 */
public abstract class StreamingContract extends DatabaseTestSupport {

    private static final int ROWS = 100_000;
    /** How far ahead of demand rows may be mapped: the driver's prefetch window, not the result size. */
    private static final long BOUND = 1_024;
    private static final AtomicLong MAPPED = new AtomicLong();

    /** A projection whose constructor counts the rows Rowflow has mapped. */
    public record CountedId(Long id) {
        public CountedId {
            MAPPED.incrementAndGet();
        }
    }

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[]{Writer.class, Novel.class};
    }

    @BeforeEach
    void insertManyRows() {
        Flux<Novel> novels = Flux.range(0, ROWS).map(i -> new Novel(null, "n" + i, null, i, BigDecimal.TEN, Genre.POETRY, null));
        db.insertAll(novels).then().block(Duration.ofSeconds(120));
        MAPPED.set(0);
    }

    @Test
    void slowSubscriberIsNotOverrunByTheResult() {
        var stream = db.fetch(select(CountedId.class, NOVEL.id).from(NOVEL).orderBy(NOVEL.id.asc()));

        StepVerifier.Step<CountedId> step = StepVerifier.create(stream, 0);
        long requested = 0;
        for (int round = 0; round < 200; round++) {
            step = step.thenRequest(10).expectNextCount(10);
            requested += 10;
            long demand = requested;
            step = step.then(() -> assertThat(MAPPED.get()).as("rows mapped after %d requested", demand)
                    .isLessThanOrEqualTo(demand + BOUND));
        }
        step.thenCancel().verify(Duration.ofSeconds(60));

        assertThat(MAPPED.get()).isLessThan(ROWS / 10);
        awaitTrue("the streaming connection was released", () -> counting.openConnections() == 0);
    }

    @Test
    void wholeResultStreamsToTheEnd() {
        StepVerifier.create(db.fetch(select(NOVEL.id).from(NOVEL)).count())
                .expectNext((long) ROWS)
                .verifyComplete();
    }
}

package io.rowflow;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A query whose rows are mapped to {@code T}, ready to run.
 *
 * @param <T> the row type
 * @since 0.1
 */
public interface RowQuery<T> {

    /** Streams every row with backpressure; cancelling stops reading and releases the connection. */
    Flux<T> fetch();

    /** Emits the only row, completes empty without rows, or errors with {@link NonUniqueResultException} on more. */
    Mono<T> fetchOne();

    /** Emits the first row or completes empty; the rest of the result is not read. */
    Mono<T> fetchFirst();
}

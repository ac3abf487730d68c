package io.rowflow;

import java.time.Duration;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Retry specifications for Reactor's {@code retryWhen}, retrying only failures where running the
 * same work again can succeed ({@link DataAccessException#isTransient()}: deadlocks, serialization
 * failures, lock and statement timeouts, lost connections; and optimistic-lock conflicts).
 *
 * <p>Retry a whole transaction, never a statement inside one: after a failure the transaction is
 * rolled back, so re-running only the failed step would lose the steps before it.
 * <pre>{@code
 * db.inTransaction(tx -> transfer(from, to, amount))
 *   .retryWhen(Retries.transientFailures(3));
 * }</pre>
 * Each retry subscribes the cold publisher again, so the transaction starts afresh: its earlier
 * attempt was rolled back, and nothing is written twice. For an {@link OptimisticLockException}
 * that means the retried work must read the row again, as a read-modify-write does:
 * <pre>{@code
 * Mono.defer(() -> db.findById(Counter.class, name))
 *   .flatMap(counter -> db.update(counter.withHits(counter.hits() + 1)))
 *   .retryWhen(Retries.transientFailures(5));
 * }</pre>
 *
 * @since 0.1
 */
public final class Retries {

    private Retries() {
    }

    /** Up to {@code maxRetries} retries of transient failures, with jittered backoff from 20 ms to 1 s. */
    public static RetryBackoffSpec transientFailures(long maxRetries) {
        return transientFailures(maxRetries, Duration.ofMillis(20));
    }

    /** Up to {@code maxRetries} retries of transient failures, with jittered exponential backoff from {@code firstBackoff}. */
    public static RetryBackoffSpec transientFailures(long maxRetries, Duration firstBackoff) {
        return Retry.backoff(maxRetries, firstBackoff)
                .maxBackoff(Duration.ofSeconds(1))
                .filter(Retries::isTransient)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    /**
     * Whether a failure is worth retrying: a transient {@link DataAccessException}, or an
     * {@link OptimisticLockException} (another writer changed the row since it was read, so the
     * whole read-modify-write can succeed when run again), also as the cause of a rollback.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof OptimisticLockException) {
                return true;
            }
            if (current instanceof DataAccessException dataAccess) {
                return dataAccess.isTransient();
            }
        }
        return false;
    }
}

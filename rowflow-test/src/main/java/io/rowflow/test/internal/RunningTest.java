package io.rowflow.test.internal;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The test running in this JVM under {@link io.rowflow.test.TestTransactions}, with the transactions
 * it has opened, one per connection factory, each begun when the test first touches that factory.
 * Tests run one at a time (JUnit's default); the current one is a JVM-wide value because the work of
 * a test runs on threads the test never sees (driver threads, a web server's).
 */
public final class RunningTest {

    private static final AtomicReference<@Nullable RunningTest> CURRENT = new AtomicReference<>();

    private final String name;
    private final boolean rollback;
    private final Map<ConnectionFactory, CompletableFuture<OpenTransaction>> open = new ConcurrentHashMap<>();

    private RunningTest(String name, boolean rollback) {
        this.name = name;
        this.rollback = rollback;
    }

    /** Marks the start of a test; {@code rollback} says whether its work runs in rolled-back transactions. */
    public static RunningTest start(String name, boolean rollback) {
        RunningTest test = new RunningTest(name, rollback);
        CURRENT.set(test);
        return test;
    }

    /** The running test, or {@code null} between tests. */
    public static @Nullable RunningTest current() {
        return CURRENT.get();
    }

    /** Marks the end of this test: work from now on no longer joins its transactions. */
    public void end() {
        CURRENT.compareAndSet(this, null);
    }

    /** The test's display name. */
    public String name() {
        return name;
    }

    /** Whether the test's work runs in transactions that are rolled back after it. */
    public boolean rollsBack() {
        return rollback;
    }

    /**
     * Emits the test's transaction on the factory, begun by the opener on first use. The opening
     * runs to its end whoever cancels, so that it is always rolled back by {@link #rollBackAll}.
     */
    public Mono<OpenTransaction> join(ConnectionFactory factory, TransactionOpener opener) {
        CompletableFuture<OpenTransaction> opened = open.computeIfAbsent(factory, key -> opener.open(key).toFuture());
        return Mono.fromFuture(opened, true);
    }

    /**
     * Rolls back every transaction the test opened and gives their connections back, waiting up
     * to {@code timeout} for each; returns what failed (a transaction that could not be begun is no failure here:
     * the work that needed it has failed already).
     */
    public List<Throwable> rollBackAll(Duration timeout) {
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<OpenTransaction> opened : open.values()) {
            OpenTransaction transaction;
            try {
                transaction = opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception notOpened) {
                continue;
            }
            try {
                transaction.rollback().block(timeout);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        open.clear();
        return failures;
    }

    @Override
    public String toString() {
        return "RunningTest[" + name + (rollback ? ", rolled back" : "") + "]";
    }
}

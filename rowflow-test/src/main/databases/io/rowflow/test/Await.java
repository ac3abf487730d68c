package io.rowflow.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Test instrument: waits for an asynchronous condition, such as the cleanup Reactor runs after a
 * cancel, failing with what was awaited when it does not come.
 */
public final class Await {

    private Await() {
    }

    /** Polls the condition every 10 ms until it holds, or fails after the timeout. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            pause(Duration.ofMillis(10));
        }
    }

    /** Waits a moment on the calling (test) thread. */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

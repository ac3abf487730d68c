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
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

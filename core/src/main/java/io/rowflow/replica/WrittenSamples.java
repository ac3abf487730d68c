package io.rowflow.replica;

import java.util.ArrayDeque;

/**
 * Recent samples of the primary's written position with the time each was taken, from which a
 * replica's lag follows: how long ago the primary had written something the replica has not
 * replayed yet. A replica that has replayed everything sampled lags zero, however old the samples.
 */
final class WrittenSamples {

    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private final long keepNanos;

    /** Keeps samples for {@code keepNanos} (at least a few health-check intervals past the lag bound). */
    WrittenSamples(long keepNanos) {
        this.keepNanos = keepNanos;
    }

    synchronized void add(long nanoTime, long position) {
        samples.addLast(new long[] {nanoTime, position});
        while (samples.size() > 1 && nanoTime - samples.peekFirst()[0] > keepNanos) {
            samples.removeFirst();
        }
    }

    /** Nanoseconds since the oldest sample beyond {@code replayed}, or 0 when it replayed every sample. */
    synchronized long lag(long replayed, long nanoTime) {
        for (long[] sample : samples) {
            if (sample[1] > replayed) {
                return Math.max(0, nanoTime - sample[0]);
            }
        }
        return 0;
    }
}

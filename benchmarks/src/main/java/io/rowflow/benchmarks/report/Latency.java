package io.rowflow.benchmarks.report;

/**
 * Per-request latency of one contender on one workload: every request of the measured rounds,
 * timed from subscription to completion, merged over the rounds before percentiles are taken.
 *
 * @param samples    the requests timed
 * @param meanNanos  the mean latency
 * @param p50Nanos   the median latency
 * @param p99Nanos   the 99th percentile
 */
public record Latency(long samples, double meanNanos, long p50Nanos, long p99Nanos) {

    /** The median in milliseconds. */
    public double p50Millis() {
        return p50Nanos / 1e6;
    }

    /** The 99th percentile in milliseconds. */
    public double p99Millis() {
        return p99Nanos / 1e6;
    }

    /** The mean in milliseconds. */
    public double meanMillis() {
        return meanNanos / 1e6;
    }
}

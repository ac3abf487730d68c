package io.rowflow.benchmarks;

import io.rowflow.benchmarks.report.Latency;

/**
 * Counts request latencies in fixed log-linear buckets of nanoseconds, like HdrHistogram with two
 * significant digits: exact below 64 ns, then 64 buckets per power of two, so a percentile is
 * reported at most 0.8 % from the recorded value; latencies past about two minutes share the last
 * bucket. Recording is a few arithmetic operations on a preallocated array.
 *
 * <p>Not thread-safe: one closed-loop worker records into its own histogram, one request after
 * the other; the round's histograms are merged after it ends.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 6;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int MAX_EXPONENT = 36;

    private final long[] counts = new long[(MAX_EXPONENT - SUB_BITS + 2) * SUB_BUCKETS];
    private long samples;
    private long totalNanos;

    /** Records one request's latency. */
    public void record(long nanos) {
        counts[index(nanos)]++;
        samples++;
        totalNanos += nanos;
    }

    /** Adds another histogram's counts to this one. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        samples += other.samples;
        totalNanos += other.totalNanos;
    }

    /** The latencies recorded so far. */
    public long samples() {
        return samples;
    }

    /**
     * The latency at or below which {@code percent} % of the recorded latencies lie (the middle of
     * its bucket), or 0 when nothing was recorded.
     */
    public long percentile(double percent) {
        long rank = Math.max(1, (long) Math.ceil(percent / 100 * samples));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return middle(i);
            }
        }
        return 0;
    }

    /** The median, 99th percentile and mean, for reports. */
    public Latency summary() {
        return new Latency(samples, samples == 0 ? 0 : (double) totalNanos / samples, percentile(50), percentile(99));
    }

    /**
     * The histogram as one line of text without spaces (samples, total, then each non-empty bucket),
     * for a forked JVM to report it; {@link #decode} reads it back.
     */
    public String encode() {
        StringBuilder text = new StringBuilder().append(samples).append(',').append(totalNanos);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                text.append(';').append(i).append(':').append(counts[i]);
            }
        }
        return text.toString();
    }

    /** Reads a histogram {@link #encode} wrote. */
    public static LatencyHistogram decode(String text) {
        LatencyHistogram histogram = new LatencyHistogram();
        String[] parts = text.split(";");
        String[] totals = parts[0].split(",");
        histogram.samples = Long.parseLong(totals[0]);
        histogram.totalNanos = Long.parseLong(totals[1]);
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            histogram.counts[Integer.parseInt(parts[i].substring(0, colon))] = Long.parseLong(parts[i].substring(colon + 1));
        }
        return histogram;
    }

    static int index(long nanos) {
        long value = Math.max(0, nanos);
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        if (exponent > MAX_EXPONENT) {
            return (MAX_EXPONENT - SUB_BITS + 2) * SUB_BUCKETS - 1;
        }
        int mantissa = (int) (value >>> (exponent - SUB_BITS));      // 64..127
        return (exponent - SUB_BITS + 1) * SUB_BUCKETS + mantissa - SUB_BUCKETS;
    }

    static long middle(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long lowest = (long) (SUB_BUCKETS + index % SUB_BUCKETS) << shift;
        return lowest + ((1L << shift) >> 1);
    }
}

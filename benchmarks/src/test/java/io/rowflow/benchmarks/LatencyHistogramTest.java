package io.rowflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rowflow.benchmarks.report.Latency;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void reportsPercentilesWithinOnePercentOfTheRecordedValues() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long micros = 1; micros <= 10_000; micros++) {
            histogram.record(micros * 1_000);
        }

        Latency latency = histogram.summary();

        assertThat(latency.samples()).isEqualTo(10_000);
        assertThat(latency.p50Millis()).isCloseTo(5.0, within(0.05));
        assertThat(latency.p99Millis()).isCloseTo(9.9, within(0.099));
        assertThat(latency.meanMillis()).isCloseTo(5.0005, within(1e-9));
    }

    @Test
    void countsSmallValuesExactlyAndHugeOnesInTheLastBucket() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(7);
        histogram.record(Long.MAX_VALUE);

        assertThat(histogram.percentile(50)).isEqualTo(7);
        assertThat(histogram.percentile(100)).isGreaterThan(60_000_000_000L);
    }

    @Test
    void mergesHistogramsBeforeTakingPercentiles() {
        LatencyHistogram fast = new LatencyHistogram();
        LatencyHistogram slow = new LatencyHistogram();
        for (int i = 0; i < 90; i++) {
            fast.record(1_000_000);
        }
        for (int i = 0; i < 10; i++) {
            slow.record(100_000_000);
        }

        fast.add(slow);

        assertThat(fast.samples()).isEqualTo(100);
        assertThat(fast.percentile(50)).isCloseTo(1_000_000, within(10_000L));
        assertThat(fast.percentile(99)).isCloseTo(100_000_000, within(1_000_000L));
    }

    @Test
    void bucketsEveryValueAtItsMiddleAndCoversTheRangeWithoutGaps() {
        for (long value = 1; value < 1L << 37; value = value * 3 / 2 + 1) {
            long middle = LatencyHistogram.middle(LatencyHistogram.index(value));
            assertThat((double) middle).isCloseTo(value, within(value * 0.008 + 1));
        }
        for (int index = 1; index < 2048; index++) {
            assertThat(LatencyHistogram.index(LatencyHistogram.middle(index))).isEqualTo(index);
        }
    }
}

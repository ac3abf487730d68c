package io.rowflow.benchmarks.report;

import io.rowflow.benchmarks.Workload;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Every contender's result on one workload; ratios are taken against the baseline (raw R2DBC). */
public record WorkloadResult(Workload workload, String baseline, List<ContenderResult> contenders) {

    /** Copies the results. */
    public WorkloadResult {
        contenders = List.copyOf(contenders);
    }

    /** The named contender's result, if it ran. */
    public Optional<ContenderResult> result(String contender) {
        return contenders.stream().filter(c -> c.contender().equals(contender)).findFirst();
    }

    /** The baseline's result. */
    public ContenderResult baselineResult() {
        return result(baseline).orElseThrow();
    }

    /** Median throughput as a ratio to the baseline's median. */
    public double ratio(ContenderResult result) {
        return result.median() / baselineResult().median();
    }

    /**
     * The contender's median latency as a ratio to the baseline's (above 1 is slower), if both
     * were timed.
     */
    public OptionalDouble latencyRatio(ContenderResult result) {
        Latency base = baselineResult().latency();
        Latency latency = result.latency();
        return base == null || latency == null || base.p50Nanos() == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) latency.p50Nanos() / base.p50Nanos());
    }

    /** The lowest and highest ratio of rounds run side by side (round i against the baseline's round i). */
    public double[] roundRatioRange(ContenderResult result) {
        List<Double> base = baselineResult().rounds();
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < Math.min(base.size(), result.rounds().size()); i++) {
            double ratio = result.rounds().get(i) / base.get(i);
            low = Math.min(low, ratio);
            high = Math.max(high, ratio);
        }
        return new double[]{low, high};
    }
}

package io.rowflow.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One contender's measured rounds on one workload.
 *
 * @param contender        the contender's name
 * @param rounds           throughput of each measured round, in the workload's unit
 * @param statementsPerOp  statements the contender created per request (or per insert, stream, load)
 * @param cpuMicrosPerOp   client CPU time per request (or insert, stream, load) in microseconds: the
 *                         harness JVM's CPU time over the measured rounds (all threads) divided by
 *                         the operations; other load on the machine moves it far less than throughput
 * @param allocatedKibPerOp heap allocated per request (or insert, stream, load) in KiB, all threads of the
 *                         harness JVM: the client-side garbage the GC has to collect
 * @param peakHeapBytes    W6 only: the largest heap use seen (just before a collection, or at a round's end)
 * @param liveHeapBytes    W6 only: the largest heap use right after a collection (what was really retained)
 * @param latency          per-request latency over the measured rounds (all in-process workloads; none for W6)
 */
public record ContenderResult(String contender, List<Double> rounds, double statementsPerOp, double cpuMicrosPerOp,
                              double allocatedKibPerOp,
                              @Nullable Long peakHeapBytes, @Nullable Long liveHeapBytes, @Nullable Latency latency) {

    /** Copies the rounds. */
    public ContenderResult {
        rounds = List.copyOf(rounds);
    }

    /** The slowest round. */
    public double min() {
        return sorted().get(0);
    }

    /** The median round (the mean of the middle two for an even count). */
    public double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The fastest round. */
    public double max() {
        return sorted().get(sorted().size() - 1);
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(rounds);
        Collections.sort(sorted);
        return sorted;
    }
}

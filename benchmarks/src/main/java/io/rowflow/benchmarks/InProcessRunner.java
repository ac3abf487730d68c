package io.rowflow.benchmarks;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.benchmarks.report.ContenderResult;
import io.rowflow.benchmarks.report.WorkloadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the workloads measured round by round (all but W6 and W6T) on every contender's {@link Lane} that runs them, in
 * the harness's JVM or a forked one: checks that every contender computes the baseline's checksum,
 * then runs warm-up and measured rounds with the contenders interleaved (round r starts with a
 * different contender each time, so drift on a shared machine does not favour one of them).
 */
final class InProcessRunner {

    private final Settings settings;
    private final Requests requests;
    private final ConnectionFactory admin;

    InProcessRunner(Settings settings, Requests requests) {
        this.settings = settings;
        this.requests = requests;
        this.admin = ConnectionFactories.get(Pools.options(settings.url(), settings.schema()));
    }

    WorkloadResult run(Workload workload, List<Lane> lanes) {
        verify(workload, lanes);
        int concurrency = Math.min(workload.concurrency(), settings.maxConcurrency());
        for (int round = 0; round < settings.warmupRounds(); round++) {
            for (Lane lane : rotated(lanes, round)) {
                prepareRound(workload);
                lane.round(workload, concurrency, settings.roundTime());
            }
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        lanes.forEach(lane -> tallies.put(lane.name(), new Tally()));
        for (int round = 0; round < settings.rounds(); round++) {
            for (Lane lane : rotated(lanes, round)) {
                prepareRound(workload);
                Lane.Round measured = lane.round(workload, concurrency, settings.roundTime());
                tallies.get(lane.name()).add(measured.measurement(), measured.statements(),
                        measured.measurement().throughput(requests.unitsPerOperation(workload)));
            }
        }
        List<ContenderResult> results = new ArrayList<>();
        tallies.forEach((name, tally) -> results.add(tally.result(name)));
        return new WorkloadResult(workload, Contenders.BASELINE, results);
    }

    /** One contender's measured rounds of a workload, added up. */
    private static final class Tally {
        private final List<Double> throughputs = new ArrayList<>();
        private final LatencyHistogram latencies = new LatencyHistogram();
        private long statements;
        private long operations;
        private long cpuNanos;
        private long allocatedBytes;

        void add(Measurement measurement, long roundStatements, double throughput) {
            throughputs.add(throughput);
            latencies.add(measurement.latencies());
            statements += roundStatements;
            operations += measurement.operations();
            cpuNanos += measurement.cpuNanos();
            allocatedBytes += measurement.allocatedBytes();
        }

        ContenderResult result(String name) {
            double ops = Math.max(1, operations);
            return new ContenderResult(name, throughputs, statements / ops, cpuNanos / ops / 1_000,
                    allocatedBytes / ops / 1_024, null, null, latencies.summary());
        }
    }

    /** W5 and W5C start every round on an empty table (not timed, not counted). */
    private void prepareRound(Workload workload) {
        if (workload.inserts()) {
            Fixture.resetItems(admin);
        }
    }

    /** Runs each contender once on fixed parameters and fails unless all agree with the baseline. */
    private void verify(Workload workload, List<Lane> lanes) {
        Long expected = null;
        for (Lane lane : lanes) {
            prepareRound(workload);
            Long checksum = lane.checksum(workload);
            if (expected == null) {
                expected = checksum;
            } else if (!expected.equals(checksum)) {
                throw new IllegalStateException(workload + ": " + lane.name() + " computed checksum " + checksum
                        + " but " + lanes.get(0).name() + " computed " + expected
                        + "; the contenders do not do the same work");
            }
        }
    }

    private static List<Lane> rotated(List<Lane> lanes, int round) {
        List<Lane> rotated = new ArrayList<>(lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            rotated.add(lanes.get((i + round) % lanes.size()));
        }
        return rotated;
    }
}

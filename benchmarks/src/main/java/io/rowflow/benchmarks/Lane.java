package io.rowflow.benchmarks;

import java.time.Duration;

/**
 * One contender as the harness drives it, in the harness's JVM ({@link InProcessLane}) or in a JVM
 * of its own ({@link ForkedLane}).
 */
interface Lane extends AutoCloseable {

    /** The contender's name. */
    String name();

    /** Whether the contender runs the workload ({@link Contender#runs}). */
    boolean runs(Workload workload);

    /** Runs one request of the workload on fixed parameters and returns its checksum. */
    Long checksum(Workload workload);

    /** Runs one closed-loop round of the workload and reports it with the statements sent meanwhile. */
    Round round(Workload workload, int concurrency, Duration time);

    /** Closes the contender and its pool (or ends its JVM). */
    @Override
    void close();

    /** One round's measurement and the statements the contender sent during it. */
    record Round(Measurement measurement, long statements) {
    }
}

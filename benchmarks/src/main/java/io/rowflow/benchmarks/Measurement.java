package io.rowflow.benchmarks;

import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A closed-loop round: {@code concurrency} workers each run the operation again as soon as it
 * completes, until the round's time is up; the round ends when the last operation in flight
 * completes (none is cancelled), and throughput is operations per elapsed second. Each operation's
 * latency is timed from subscription to completion into a histogram of its worker, allocated
 * before the round so recording adds no garbage to the measured allocation.
 *
 * @param operations the operations completed
 * @param nanos      the elapsed time
 * @param cpuNanos   CPU time the whole harness process used meanwhile (all its threads: the
 *                   contender, the driver's event loops, GC), the client-side cost of the round
 * @param allocatedBytes heap bytes the harness process's threads allocated meanwhile
 * @param latencies  every completed operation's latency
 */
public record Measurement(long operations, long nanos, long cpuNanos, long allocatedBytes, LatencyHistogram latencies) {

    /** Runs one round. */
    public static Measurement run(Supplier<Mono<Long>> operation, int concurrency, Duration time) {
        LatencyHistogram[] workers = new LatencyHistogram[concurrency];
        for (int i = 0; i < concurrency; i++) {
            workers[i] = new LatencyHistogram();
        }
        long cpuStart = processCpuNanos();
        long allocatedStart = processAllocatedBytes();
        long start = System.nanoTime();
        long deadline = start + time.toNanos();
        Long operations = Flux.range(0, concurrency)
                .flatMap(worker -> timed(operation, workers[worker]).repeat(() -> System.nanoTime() < deadline).count(),
                        concurrency)
                .reduce(0L, Long::sum)
                .block(time.plus(Duration.ofMinutes(5)));
        long nanos = System.nanoTime() - start;
        long cpuNanos = processCpuNanos() - cpuStart;
        long allocatedBytes = processAllocatedBytes() - allocatedStart;
        LatencyHistogram latencies = new LatencyHistogram();
        for (LatencyHistogram worker : workers) {
            latencies.add(worker);
        }
        return new Measurement(operations == null ? 0 : operations, nanos, cpuNanos, allocatedBytes, latencies);
    }

    /** The operation, recording its latency from subscription to completion when it succeeds. */
    private static Mono<Long> timed(Supplier<Mono<Long>> operation, LatencyHistogram latencies) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return operation.get().doOnSuccess(checksum -> latencies.record(System.nanoTime() - start));
        });
    }

    /** Heap bytes allocated by all live threads of this JVM so far, or 0 where the platform does not say. */
    public static long processAllocatedBytes() {
        if (java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            return threads.getTotalThreadAllocatedBytes();
        }
        return 0;
    }

    /** CPU time used by this JVM so far, or 0 where the platform does not say. */
    public static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** Operations per second, times the units each operation stands for (rows per insert...). */
    public double throughput(double unitsPerOperation) {
        return operations * unitsPerOperation / (nanos / 1e9);
    }
}

package io.rowflow.benchmarks;

import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A closed-loop round: {@code concurrency} workers each run the operation again as soon as it
 * completes, until the round's time is up; the round ends when the last operation in flight
 * completes (none is cancelled), and throughput is operations per elapsed second.
 *
 * @param operations the operations completed
 * @param nanos      the elapsed time
 * @param cpuNanos   CPU time the whole harness process used meanwhile (all its threads: the
 *                   contender, the driver's event loops, GC), the client-side cost of the round
 * @param allocatedBytes heap bytes the harness process's threads allocated meanwhile
 */
public record Measurement(long operations, long nanos, long cpuNanos, long allocatedBytes) {

    /** Runs one round. */
    public static Measurement run(Supplier<Mono<Long>> operation, int concurrency, Duration time) {
        long cpuStart = processCpuNanos();
        long allocatedStart = processAllocatedBytes();
        long start = System.nanoTime();
        long deadline = start + time.toNanos();
        Long operations = Flux.range(0, concurrency)
                .flatMap(worker -> Mono.defer(operation).repeat(() -> System.nanoTime() < deadline).count(), concurrency)
                .reduce(0L, Long::sum)
                .block(time.plus(Duration.ofMinutes(5)));
        long nanos = System.nanoTime() - start;
        return new Measurement(operations == null ? 0 : operations, nanos, processCpuNanos() - cpuStart,
                processAllocatedBytes() - allocatedStart);
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

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
 */
public record Measurement(long operations, long nanos) {

    /** Runs one round. */
    public static Measurement run(Supplier<Mono<Long>> operation, int concurrency, Duration time) {
        long start = System.nanoTime();
        long deadline = start + time.toNanos();
        Long operations = Flux.range(0, concurrency)
                .flatMap(worker -> Mono.defer(operation).repeat(() -> System.nanoTime() < deadline).count(), concurrency)
                .reduce(0L, Long::sum)
                .block(time.plus(Duration.ofMinutes(5)));
        return new Measurement(operations == null ? 0 : operations, System.nanoTime() - start);
    }

    /** Operations per second, times the units each operation stands for (rows per insert...). */
    public double throughput(double unitsPerOperation) {
        return operations * unitsPerOperation / (nanos / 1e9);
    }
}

package io.rowflow.benchmarks;

import java.time.Duration;

/** A contender running in the harness's JVM. */
final class InProcessLane implements Lane {

    private final Contenders.Prepared prepared;
    private final Requests requests;

    InProcessLane(Contenders.Prepared prepared, Requests requests) {
        this.prepared = prepared;
        this.requests = requests;
    }

    /** The contender and its pool. */
    Contenders.Prepared prepared() {
        return prepared;
    }

    @Override
    public String name() {
        return prepared.contender().name();
    }

    @Override
    public boolean runs(Workload workload) {
        return prepared.contender().runs(workload);
    }

    @Override
    public Long checksum(Workload workload) {
        return requests.fixed(workload, prepared.contender()).block(Duration.ofMinutes(2));
    }

    @Override
    public Round round(Workload workload, int concurrency, Duration time) {
        long before = prepared.statements().getAsLong();
        Measurement measurement = Measurement.run(requests.random(workload, prepared.contender()), concurrency, time);
        return new Round(measurement, prepared.statements().getAsLong() - before);
    }

    @Override
    public void close() {
        try {
            prepared.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not close the " + name() + " contender", e);
        }
    }
}

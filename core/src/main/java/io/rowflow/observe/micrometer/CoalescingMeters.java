package io.rowflow.observe.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.rowflow.CoalescingStatistics;
import io.rowflow.CoalescingStatistics.Counts;
import io.rowflow.Database;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Publishes a database's {@linkplain Database#coalescingStatistics() coalescing statistics} as
 * Micrometer meters, each tagged {@code kind=lookup} or {@code kind=relation-load}:
 * the counters {@code rowflow.coalescing.requests}, {@code rowflow.coalescing.statements},
 * {@code rowflow.coalescing.batches} and {@code rowflow.coalescing.batched.requests}, and the
 * gauge {@code rowflow.coalescing.batch.size.mean}. The values are read from the database when
 * the registry asks for them; binding adds no work to the reads themselves. Needs
 * {@code io.micrometer:micrometer-core}. The statements themselves are observed by
 * {@link RowflowObservation}, whose {@value RowflowObservation#COALESCED} key marks those that
 * served a gathered batch (as many as {@code rowflow.coalescing.batches} counts).
 *
 * @since 0.2
 */
public final class CoalescingMeters implements MeterBinder {

    private final Database database;

    /** Meters for this database's coalescing. */
    public CoalescingMeters(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bindKind(registry, "lookup", CoalescingStatistics::lookups);
        bindKind(registry, "relation-load", CoalescingStatistics::relationLoads);
    }

    private void bindKind(MeterRegistry registry, String kind, Function<CoalescingStatistics, Counts> ofKind) {
        counter(registry, kind, "rowflow.coalescing.requests", "Reads that went through coalescing", ofKind,
                Counts::requests);
        counter(registry, kind, "rowflow.coalescing.statements", "Statements sent for coalesced reads", ofKind,
                Counts::statements);
        counter(registry, kind, "rowflow.coalescing.batches", "Statements that answered more than one read", ofKind,
                Counts::batches);
        counter(registry, kind, "rowflow.coalescing.batched.requests", "Reads answered by gathered statements", ofKind,
                Counts::batchedRequests);
        Gauge.builder("rowflow.coalescing.batch.size.mean", database,
                        database -> ofKind.apply(database.coalescingStatistics()).meanBatchSize())
                .description("Mean reads per gathered statement")
                .tag("kind", kind)
                .register(registry);
    }

    private void counter(MeterRegistry registry, String kind, String name, String description,
                         Function<CoalescingStatistics, Counts> ofKind, ToDoubleFunction<Counts> count) {
        FunctionCounter.builder(name, database, database -> count.applyAsDouble(ofKind.apply(database.coalescingStatistics())))
                .description(description).tag("kind", kind).register(registry);
    }

    @Override
    public String toString() {
        return "CoalescingMeters[" + database + "]";
    }
}

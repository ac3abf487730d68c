package io.rowflow.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.rowflow.Database;
import io.rowflow.observe.micrometer.CoalescingMeters;

/**
 * Publishes a database's {@linkplain Database#coalescingStatistics() coalescing statistics} as
 * Micrometer meters: the starter's binder bean for core's {@link CoalescingMeters}, which names
 * and tags the meters ({@code rowflow.coalescing.*}, tagged {@code kind=lookup} or
 * {@code kind=relation-load}). The values are read from the database when the registry asks for
 * them; binding adds no work to the reads themselves.
 *
 * @since 0.1
 */
public final class CoalescingMetrics implements MeterBinder {

    private final CoalescingMeters meters;
    private final Database database;

    /** Meters for this database's coalescing. */
    public CoalescingMetrics(Database database) {
        this.database = java.util.Objects.requireNonNull(database, "database");
        this.meters = new CoalescingMeters(database);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        meters.bindTo(registry);
    }

    @Override
    public String toString() {
        return "CoalescingMetrics[" + database + "]";
    }
}

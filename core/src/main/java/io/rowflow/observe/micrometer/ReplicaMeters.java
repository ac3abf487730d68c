package io.rowflow.observe.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.rowflow.replica.Replica;
import io.rowflow.replica.ReplicaRouting;
import io.rowflow.replica.ReplicaState;
import io.rowflow.replica.RoutingStatistics;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Publishes a {@link ReplicaRouting}'s counts and its replicas' health as Micrometer meters:
 * {@code rowflow.routing.operations} (tagged {@code server=primary|replica} and
 * {@code access=read|write}), {@code rowflow.routing.fallbacks} (reads that wanted a replica and
 * went to the primary, tagged {@code reason=no-replica|replica-failed|behind-session}),
 * {@code rowflow.routing.replay.waits}, and per replica (tagged {@code replica=<name>}, for the
 * replicas routed to when bound) the gauges {@code rowflow.replica.up} (1 when it takes reads),
 * {@code rowflow.replica.lag} and {@code rowflow.replica.in.flight} and the counter
 * {@code rowflow.replica.reads}. Values are read when the registry asks; binding adds no work to
 * the operations. Needs {@code io.micrometer:micrometer-core}.
 *
 * @since 0.2
 */
public final class ReplicaMeters implements MeterBinder {

    private final ReplicaRouting routing;

    /** Meters for this routing. */
    public ReplicaMeters(ReplicaRouting routing) {
        this.routing = Objects.requireNonNull(routing, "routing");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        operations(registry, "primary", "write", RoutingStatistics::writes);
        operations(registry, "replica", "read", RoutingStatistics::replicaReads);
        operations(registry, "primary", "read", RoutingStatistics::primaryReads);
        fallbacks(registry, "no-replica", RoutingStatistics::fallbacksNoReplica);
        fallbacks(registry, "replica-failed", RoutingStatistics::fallbacksReplicaFailed);
        fallbacks(registry, "behind-session", RoutingStatistics::fallbacksBehind);
        FunctionCounter.builder("rowflow.routing.replay.waits", routing, counted(RoutingStatistics::replayWaits))
                .description("Reads that waited for a replica to replay their session's last commit")
                .register(registry);
        for (Replica replica : routing.replicas()) {
            bindReplica(registry, replica);
        }
    }

    private void operations(MeterRegistry registry, String server, String access, ToDoubleFunction<RoutingStatistics> count) {
        FunctionCounter.builder("rowflow.routing.operations", routing, counted(count))
                .description("Operations routed, by server and access")
                .tag("server", server).tag("access", access)
                .register(registry);
    }

    private void fallbacks(MeterRegistry registry, String reason, ToDoubleFunction<RoutingStatistics> count) {
        FunctionCounter.builder("rowflow.routing.fallbacks", routing, counted(count))
                .description("Reads that went to the primary instead of a replica, by reason")
                .tag("reason", reason)
                .register(registry);
    }

    private static ToDoubleFunction<ReplicaRouting> counted(ToDoubleFunction<RoutingStatistics> count) {
        return routing -> count.applyAsDouble(routing.statistics());
    }

    private static void bindReplica(MeterRegistry registry, Replica replica) {
        Gauge.builder("rowflow.replica.up", replica, current -> current.state() == ReplicaState.UP ? 1 : 0)
                .description("1 when the replica takes reads, 0 when it is down, lagging or removed")
                .tag("replica", replica.name()).register(registry);
        TimeGauge.builder("rowflow.replica.lag", replica, TimeUnit.MILLISECONDS, current -> current.lag().toMillis())
                .description("How far the replica was behind the primary at the last health check")
                .tag("replica", replica.name()).register(registry);
        Gauge.builder("rowflow.replica.in.flight", replica, Replica::inFlight)
                .description("Connections of the replica lent out right now")
                .tag("replica", replica.name()).register(registry);
        FunctionCounter.builder("rowflow.replica.reads", replica, Replica::reads)
                .description("Reads the replica served")
                .tag("replica", replica.name()).register(registry);
    }

    @Override
    public String toString() {
        return "ReplicaMeters[" + routing + "]";
    }
}

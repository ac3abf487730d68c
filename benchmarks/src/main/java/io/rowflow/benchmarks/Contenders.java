package io.rowflow.benchmarks;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Coalescing;
import io.rowflow.benchmarks.raw.RawContender;
import io.rowflow.benchmarks.rowflow.RowflowContender;
import io.rowflow.benchmarks.spring.SpringDataContender;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The contenders by name, raw R2DBC first: it is the floor every ratio is taken against. Rowflow
 * runs twice, with the coalescing settings of the command line ({@code rowflow}) and with
 * coalescing off ({@code rowflow-uncoalesced}); a third time, as {@code rowflow}, with every
 * statement observed by Micrometer Observation into a meter registry ({@code rowflow-observed}), to
 * state what observation costs.
 */
public final class Contenders {

    /** The name of the contender ratios are relative to. */
    public static final String BASELINE = "raw";
    /** Rowflow with the coalescing settings of the run. */
    public static final String ROWFLOW = "rowflow";
    /** Rowflow with coalescing off. */
    public static final String ROWFLOW_UNCOALESCED = "rowflow-uncoalesced";
    /** Rowflow as {@link #ROWFLOW}, with a Micrometer observation (and timer) per statement. */
    public static final String ROWFLOW_OBSERVED = "rowflow-observed";

    /** Each creates a contender from the pool and the coalescing settings of the {@code rowflow} contender. */
    private static final Map<String, BiFunction<ConnectionFactory, Coalescing, Contender>> ALL = new LinkedHashMap<>();

    static {
        ALL.put(BASELINE, (pool, coalescing) -> new RawContender(pool));
        ALL.put(ROWFLOW, (pool, coalescing) -> new RowflowContender(pool, ROWFLOW, coalescing));
        ALL.put(ROWFLOW_UNCOALESCED, (pool, coalescing) -> new RowflowContender(pool, ROWFLOW_UNCOALESCED, Coalescing.disabled()));
        ALL.put(ROWFLOW_OBSERVED, (pool, coalescing) -> new RowflowContender(pool, ROWFLOW_OBSERVED, coalescing,
                observed()));
        ALL.put("spring-data", (pool, coalescing) -> new SpringDataContender(pool));
    }

    private Contenders() {
    }

    /** Observation as an application with Actuator has it: a timer per statement's key combination. */
    private static io.rowflow.observe.OperationListener observed() {
        io.micrometer.observation.ObservationRegistry registry = io.micrometer.observation.ObservationRegistry.create();
        registry.observationConfig().observationHandler(new io.micrometer.core.instrument.observation
                .DefaultMeterObservationHandler(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        return io.rowflow.observe.micrometer.RowflowObservation.listener(registry);
    }

    /** Every contender name, in report order. */
    public static java.util.List<String> names() {
        return java.util.List.copyOf(ALL.keySet());
    }

    /** Fails with {@link IllegalArgumentException} unless a contender has this name. */
    public static void requireKnown(String name) {
        if (!ALL.containsKey(name)) {
            throw new IllegalArgumentException("Unknown contender '" + name + "'; known: " + ALL.keySet());
        }
    }

    /**
     * Creates a contender over a pooled connection factory; {@code coalescing} is what the
     * {@code rowflow} contender uses.
     */
    public static Contender create(String name, ConnectionFactory pool, Coalescing coalescing) {
        requireKnown(name);
        return ALL.get(name).apply(pool, coalescing);
    }
}

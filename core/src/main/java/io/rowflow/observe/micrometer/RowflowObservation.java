package io.rowflow.observe.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.rowflow.internal.execution.Listeners;
import io.rowflow.observe.Operation;
import io.rowflow.observe.OperationKind;
import io.rowflow.observe.OperationListener;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * An {@link OperationListener} making a Micrometer {@link Observation} of every statement
 * ({@value #STATEMENT}) and of every outermost transaction ({@value #TRANSACTION}), for metrics
 * (a timer per key combination through the registry's meter handler) and tracing (a span per
 * observation through a tracing bridge such as Brave or OpenTelemetry).
 *
 * <p>Each observation's parent is the observation in the subscriber's Reactor context (under
 * {@link ObservationThreadLocalAccessor#KEY}, where Spring WebFlux puts the HTTP request's), or the
 * surrounding transaction's, so statements appear inside the request's span. Low-cardinality keys:
 * {@value #DB_SYSTEM}, {@value #OPERATION}, {@value #ENTITY}, {@value #RELATIONSHIP},
 * {@value #COALESCED}, {@value #IN_TRANSACTION}, {@value #OUTCOME}; high-cardinality:
 * {@value #STATEMENT_SQL} (the SQL with bind markers, never a bound value) and {@value #ROWS}. The
 * contextual name (a span's name) is the kind and entity, such as {@code lookup Book}.
 *
 * <pre>{@code
 * Database db = Database.builder(connectionFactory)
 *         .listener(RowflowObservation.listener(observationRegistry))
 *         .build();
 * }</pre>
 *
 * @since 0.2
 */
public final class RowflowObservation implements OperationListener {

    /** The name of statement observations (and of their timers). */
    public static final String STATEMENT = "rowflow.statement";
    /** The name of transaction observations. */
    public static final String TRANSACTION = "rowflow.transaction";
    /** The database product, OpenTelemetry's {@code db.system}: {@code postgresql}, {@code mariadb}, {@code h2}. */
    public static final String DB_SYSTEM = "db.system";
    /** The operation kind in lower case, such as {@code query}, {@code lookup}, {@code insert}. */
    public static final String OPERATION = "db.operation";
    /** The entity's simple class name, or {@code none}. */
    public static final String ENTITY = "rowflow.entity";
    /** The relationship a follow-up loads ({@code Book.author}), or {@code none}. */
    public static final String RELATIONSHIP = "rowflow.relationship";
    /** Whether the statement served a coalesced batch: {@code true} or {@code false}. */
    public static final String COALESCED = "rowflow.coalesced";
    /** Whether the statement ran in a transaction: {@code true} or {@code false}. */
    public static final String IN_TRANSACTION = "rowflow.in_transaction";
    /** How it ended: {@code success}, {@code error} or {@code cancelled}. */
    public static final String OUTCOME = "rowflow.outcome";
    /** The SQL, with bind markers and never a bound value (high cardinality). */
    public static final String STATEMENT_SQL = "db.statement";
    /** Rows read or affected (high cardinality). */
    public static final String ROWS = "rowflow.rows";

    private final ObservationRegistry registry;
    /** The contextual name and low-cardinality keys of each operation shape seen, built once. */
    private final Map<Object, Described> described = new ConcurrentHashMap<>();

    private RowflowObservation(ObservationRegistry registry) {
        this.registry = registry;
    }

    /** A listener observing into the registry; register it with {@code DatabaseBuilder.listener}. */
    public static OperationListener listener(ObservationRegistry registry) {
        return new RowflowObservation(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public Execution start(Operation operation, ContextView context) {
        if (registry.isNoop()) {
            return Execution.NONE;
        }
        boolean transaction = operation.kind() == OperationKind.TRANSACTION;
        Described shape = describe(operation);
        Observation observation = Observation.createNotStarted(transaction ? TRANSACTION : STATEMENT, registry)
                .contextualName(shape.contextualName())
                .lowCardinalityKeyValues(shape.keys());
        if (!transaction) {
            observation.highCardinalityKeyValue(STATEMENT_SQL, operation.sql());
        }
        Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (parent != null) {
            observation.parentObservation(parent);
        }
        return new Observed(observation.start());
    }

    /** The name and keys of the operation's shape: cached when Rowflow described it, built otherwise. */
    private Described describe(Operation operation) {
        Object shape = Listeners.shapeOf(operation);
        if (shape == null) {
            return new Described(operation.databaseSystem(), contextualName(operation), lowCardinality(operation));
        }
        Described known = described.get(shape);
        if (known != null && known.databaseSystem().equals(operation.databaseSystem())) {
            return known;
        }
        Described built = new Described(operation.databaseSystem(), contextualName(operation), lowCardinality(operation));
        described.put(shape, built);
        return built;
    }

    /** What an observation of one operation shape is called and keyed by. */
    private record Described(String databaseSystem, String contextualName, KeyValues keys) {
    }

    private static String contextualName(Operation operation) {
        String kind = operation.kind().name().toLowerCase(Locale.ROOT);
        Class<?> entity = operation.entityType();
        return entity == null ? kind : kind + " " + entity.getSimpleName();
    }

    private static KeyValues lowCardinality(Operation operation) {
        Class<?> entity = operation.entityType();
        String relationship = operation.relationship();
        return KeyValues.of(
                KeyValue.of(DB_SYSTEM, operation.databaseSystem()),
                KeyValue.of(OPERATION, operation.kind().name().toLowerCase(Locale.ROOT)),
                KeyValue.of(ENTITY, entity == null ? "none" : entity.getSimpleName()),
                KeyValue.of(RELATIONSHIP, relationship == null ? "none" : relationship),
                KeyValue.of(COALESCED, Boolean.toString(operation.coalesced())),
                KeyValue.of(IN_TRANSACTION, Boolean.toString(operation.inTransaction())));
    }

    @Override
    public String toString() {
        return "RowflowObservation[" + registry + "]";
    }

    /** One started observation, stopped with the statement's outcome. */
    private static final class Observed implements Execution {
        private final Observation observation;

        Observed(Observation observation) {
            this.observation = observation;
        }

        @Override
        public void rows(long count) {
            observation.highCardinalityKeyValue(ROWS, Long.toString(count));
        }

        @Override
        public void end() {
            stop("success", null);
        }

        @Override
        public void error(Throwable error) {
            stop("error", error);
        }

        @Override
        public void cancel() {
            stop("cancelled", null);
        }

        @Override
        public Context contextForWork(Context context) {
            return context.put(ObservationThreadLocalAccessor.KEY, observation);
        }

        private void stop(String outcome, @Nullable Throwable error) {
            observation.lowCardinalityKeyValue(OUTCOME, outcome);
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
        }
    }
}

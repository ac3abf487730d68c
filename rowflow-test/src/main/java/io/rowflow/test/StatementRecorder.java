package io.rowflow.test;

import io.rowflow.observe.Operation;
import io.rowflow.observe.OperationKind;
import io.rowflow.observe.OperationListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Records the statements a database sends, on Rowflow's execution seam: register it with
 * {@code Database.builder(..).listener(recorder)} (the Spring Boot slice does it for you). It sees
 * every statement with the operation it serves, including coalesced batches and relationship
 * follow-ups, but never a bound value. Transaction boundaries ({@code BEGIN}, {@code COMMIT},
 * {@code ROLLBACK}) are not statements here, and a query Rowflow streams through a PostgreSQL cursor
 * (inside a transaction) counts once, as its {@code DECLARE}: the cursor's {@code FETCH}es and
 * {@code CLOSE} belong to it.
 *
 * <pre>{@code
 * RecordedStatements recorded = recorder.record(db.fetch(select(AUTHOR).with(AUTHOR.books))).block();
 * assertThat(recorded).hasStatementCount(2);
 * }</pre>
 *
 * <p>{@link #record} scopes a recording to one piece of work through the Reactor context, so
 * concurrent work of other tests or threads never mixes in (a coalesced statement counts for the
 * first caller of its batch). {@link #all()} is everything since the last {@link #clear()}.
 *
 * <p>As a JUnit 5 extension ({@code @RegisterExtension}) it clears itself before each test and,
 * when made with {@link #failOnRepeatedShapes(int)}, is an N+1 detector: after each test it fails
 * the test if, within one operation (a {@link #record} or a web request of the Spring Boot slice),
 * one statement shape was sent more than the threshold times.
 *
 * @since 0.1
 */
public final class StatementRecorder implements OperationListener, BeforeEachCallback, AfterEachCallback {

    private static final Object SCOPE = new Object();
    /** The fetches and close of a cursor Rowflow streams a query through: part of the query, not statements of their own. */
    private static final java.util.regex.Pattern CURSOR_STEP =
            java.util.regex.Pattern.compile("^(?:FETCH FORWARD \\d+ FROM|CLOSE) rowflow_cursor_\\d+$");

    private final int threshold;
    private final Queue<Entry> all = new ConcurrentLinkedQueue<>();
    private final Queue<Scope> scopes = new ConcurrentLinkedQueue<>();

    private StatementRecorder(int threshold) {
        this.threshold = threshold;
    }

    /** A recorder that records and never fails a test by itself. */
    public static StatementRecorder create() {
        return new StatementRecorder(Integer.MAX_VALUE);
    }

    /**
     * A recorder that is also an N+1 detector: registered as a JUnit extension, it fails a test in
     * which one operation sent one statement shape more than {@code times} times.
     */
    public StatementRecorder failOnRepeatedShapes(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("the threshold must be at least 1, was " + times);
        }
        return new StatementRecorder(times);
    }

    /**
     * Runs the work (subscribing to it once, dropping what it emits) and emits the statements it
     * sent once it completes; emits the work's error if it fails. Cancelling stops the work.
     */
    public Mono<RecordedStatements> record(Publisher<?> work) {
        Objects.requireNonNull(work, "work");
        return Mono.defer(() -> {
            Scope scope = open("record");
            return Flux.from(work).then(Mono.fromSupplier(scope::snapshot))
                    .contextWrite(context -> context.put(SCOPE, scope));
        });
    }

    /**
     * A context change that records the statements of the work it is written into as one operation
     * named {@code name}, once per subscription (the Spring Boot slice wraps each web request in one).
     */
    public Function<Context, Context> scope(String name) {
        Objects.requireNonNull(name, "name");
        return context -> context.put(SCOPE, open(name));
    }

    /** Every statement since creation or the last {@link #clear()}. */
    public RecordedStatements all() {
        return new RecordedStatements("all", all.stream().map(Entry::snapshot).toList());
    }

    /** The operations recorded since the last {@link #clear()}: each {@link #record} and each scoped request. */
    public List<RecordedStatements> operations() {
        return scopes.stream().map(Scope::snapshot).toList();
    }

    /** Forgets what was recorded. */
    public void clear() {
        all.clear();
        scopes.clear();
    }

    /**
     * Fails with an {@link AssertionError} naming the operation, the shape and its count when an
     * operation recorded since the last clear sent one shape more than {@code times} times.
     */
    public void assertNoShapeRepeatedMoreThan(int times) {
        List<String> offenders = new ArrayList<>();
        for (RecordedStatements operation : operations()) {
            for (Map.Entry<String, Integer> repeated : operation.shapesRepeatedMoreThan(times).entrySet()) {
                offenders.add(operation.name() + " sent " + repeated.getValue() + " times: " + repeated.getKey());
            }
        }
        if (!offenders.isEmpty()) {
            throw new AssertionError("N+1 statements (one shape more than " + times + " times within one operation;"
                    + " load relationships with a fetch plan or query a batch of keys instead):\n  "
                    + String.join("\n  ", offenders));
        }
    }

    @Override
    public Execution start(Operation operation, ContextView context) {
        if (!isStatement(operation.kind()) || CURSOR_STEP.matcher(operation.sql()).matches()) {
            return Execution.NONE;
        }
        Entry entry = new Entry(operation);
        all.add(entry);
        Scope scope = context.getOrDefault(SCOPE, null);
        if (scope != null) {
            scope.entries.add(entry);
        }
        return entry;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (threshold != Integer.MAX_VALUE) {
            assertNoShapeRepeatedMoreThan(threshold);
        }
    }

    private Scope open(String name) {
        Scope scope = new Scope(name);
        scopes.add(scope);
        return scope;
    }

    private static boolean isStatement(OperationKind kind) {
        return switch (kind) {
            case TRANSACTION, BEGIN, COMMIT, ROLLBACK -> false;
            default -> true;
        };
    }

    @Override
    public String toString() {
        return "StatementRecorder[" + all.size() + " statement(s)"
                + (threshold == Integer.MAX_VALUE ? "" : ", fails above " + threshold + " of one shape") + "]";
    }

    /** One statement, its row count filled in when it ends. */
    private static final class Entry implements Execution {
        private final Operation operation;
        private volatile long rows = -1;

        Entry(Operation operation) {
            this.operation = operation;
        }

        @Override
        public void rows(long count) {
            rows = count;
        }

        RecordedStatement snapshot() {
            return new RecordedStatement(operation.kind(), operation.entityType(), operation.relationship(),
                    operation.sql(), operation.coalesced(), operation.inTransaction(), rows);
        }
    }

    /** The statements of one operation. */
    private static final class Scope {
        private final String name;
        private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();

        Scope(String name) {
            this.name = name;
        }

        RecordedStatements snapshot() {
            return new RecordedStatements(name, entries.stream().map(Entry::snapshot).collect(Collectors.toList()));
        }
    }
}

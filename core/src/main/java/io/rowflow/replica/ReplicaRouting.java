package io.rowflow.replica;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Coalescing;
import io.rowflow.ConnectionProvider;
import io.rowflow.DataAccessException;
import io.rowflow.ExternalTransaction;
import io.rowflow.observe.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * A {@link ConnectionProvider} that routes each operation to the primary or to a replica: writes,
 * raw SQL and read-write transactions go to the primary; reads outside transactions and read-only
 * transactions (including coalesced lookups and relationship follow-ups, which are reads) go to a
 * replica chosen by the {@link ReplicaSelector}. Write {@link #onPrimary()} or {@link #onReplica()}
 * into an operation's context to route it the other way. Build one with {@link #builder}, pass it
 * to {@link io.rowflow.DatabaseBuilder#connectionProvider}, and {@link #close()} it with the
 * database:
 * <pre>{@code
 * ReplicaRouting routing = ReplicaRouting.builder(primary).replica("replica-1", replica).build();
 * Database db = Database.builder(primary).connectionProvider(routing).build();
 * }</pre>
 *
 * <p><b>Read-your-writes.</b> With a {@link ReadYourWrites} session in the context, a write sent to
 * the primary records the primary's WAL position after it (one extra round trip on the write's
 * connection before it is given back), and a later read in that context uses a replica only once
 * the replica has replayed that position, waiting up to {@link Builder#readYourWritesWait} (polling
 * the replica's replay position on the connection it will read on), else it reads from the
 * primary. A coalesced read serves several callers: it waits for the latest commit of any of them.
 *
 * <p><b>Failures.</b> A replica whose connection cannot be obtained is marked
 * {@link ReplicaState#DOWN} (logged once) and the read goes to the primary; a health check every
 * {@link Builder#healthCheckInterval} finds it again when it answers, and marks replicas that lag
 * behind the primary by more than {@link Builder#maxLag} {@link ReplicaState#LAGGING} until they
 * catch up. A read whose replica connection breaks before it emitted a row runs again on a fresh
 * acquisition ({@link #retriesLostReads()}). Nothing is ever written through a replica by Rowflow's
 * choice; a connection the primary refuses fails the operation with a transient
 * {@link DataAccessException} naming the primary. Counts: {@link #statistics()}; per replica:
 * {@link #replicas()}.
 *
 * <p>Operations inside a transaction managed elsewhere (Spring's) run on that transaction's
 * connection, as the {@linkplain Builder#primaryProvider primary provider} reports it.
 *
 * @since 0.2
 */
public final class ReplicaRouting implements ConnectionProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRouting.class);
    private static final String ROUTE_KEY = ReplicaRouting.class.getName() + ".route";
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final ConnectionFactory primary;
    private final ConnectionProvider primaryProvider;
    private final ReplicaSelector selector;
    private final ReplicaPositions positions;
    private final Duration maxLag;
    private final Duration readYourWritesWait;
    private final CopyOnWriteArrayList<ReplicaNode> nodes = new CopyOnWriteArrayList<>();
    private final Map<Connection, Lease> leases = new ConcurrentHashMap<>();
    private final WrittenSamples samples;
    private final Counters counters = new Counters();
    private final Disposable healthChecks;

    private ReplicaRouting(Builder builder) {
        this.primary = builder.primary;
        this.primaryProvider = builder.primaryProvider;
        this.selector = builder.selector;
        this.positions = builder.positions != null ? builder.positions
                : primary.getMetadata().getName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? ReplicaPositions.postgres() : ReplicaPositions.none();
        this.maxLag = builder.maxLag;
        this.readYourWritesWait = builder.readYourWritesWait;
        builder.replicas.forEach(this::addReplica);
        this.samples = new WrittenSamples(maxLag.toNanos() * 2 + builder.healthCheckInterval.toNanos() * 4);
        this.healthChecks = Flux.interval(builder.healthCheckInterval, builder.healthCheckInterval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> checkNow(), 1)
                .subscribe();
    }

    /** Starts a routing whose writes go to {@code primary} (also sampled by health checks for the lag). */
    public static Builder builder(ConnectionFactory primary) {
        return new Builder(primary);
    }

    /** A context that sends the operation it is written into to the primary, reads included. */
    public static Context onPrimary() {
        return Context.of(ROUTE_KEY, Boolean.TRUE);
    }

    /**
     * A context that sends the operation it is written into to a replica even when Rowflow cannot
     * tell it reads (raw SQL); a write sent there fails, as the replica refuses it.
     */
    public static Context onReplica() {
        return Context.of(ROUTE_KEY, Boolean.FALSE);
    }

    /** Adds a replica (a name not in use); it takes reads at once and is checked like the others. */
    public void addReplica(String name, ConnectionFactory factory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        synchronized (nodes) {
            if (nodes.stream().anyMatch(node -> node.name().equals(name))) {
                throw new IllegalArgumentException("A replica named " + name + " is already routed to");
            }
            nodes.add(new ReplicaNode(name, factory));
        }
    }

    /**
     * Takes a replica out of the routing: no new read goes to it; reads running on it finish.
     * Returns whether there was one of that name.
     */
    public boolean removeReplica(String name) {
        for (ReplicaNode node : nodes) {
            if (node.name().equals(name) && nodes.remove(node)) {
                node.removed();
                return true;
            }
        }
        return false;
    }

    /** The replicas routed to, with their latest known state. */
    public List<Replica> replicas() {
        return List.copyOf(nodes);
    }

    /** Where operations went so far. */
    public RoutingStatistics statistics() {
        return counters.snapshot();
    }

    /**
     * Checks every replica now (otherwise done every health-check interval): samples the primary's
     * written position, then asks each replica how far it replayed, updating states and lag.
     * Completes when done; never fails.
     */
    public Mono<Void> checkNow() {
        Mono<Void> sample = Mono.usingWhen(primary.create(), positions::written, Connection::close)
                .timeout(CHECK_TIMEOUT)
                .doOnNext(position -> samples.add(System.nanoTime(), position))
                .onErrorResume(error -> Mono.empty())
                .then();
        return sample.thenMany(Flux.fromIterable(nodes).flatMap(this::check)).then();
    }

    private Mono<Void> check(ReplicaNode node) {
        return Mono.usingWhen(node.factory().create(),
                        connection -> positions.replayed(connection).defaultIfEmpty(-1L),
                        Connection::close)
                .timeout(CHECK_TIMEOUT)
                .doOnNext(replayed -> {
                    long latest = replayed < 0 ? Long.MAX_VALUE : node.observed(replayed);
                    node.checked(samples.lag(latest, System.nanoTime()), maxLag);
                })
                .onErrorResume(error -> {
                    node.failed(error);
                    return Mono.empty();
                })
                .then();
    }

    /** Stops the health checks. Connection factories stay open: they belong to the caller. */
    @Override
    public void close() {
        healthChecks.dispose();
    }

    /** Without the operation, a connection of the primary. */
    @Override
    public Publisher<? extends Connection> acquire(ConnectionFactory factory) {
        return primaryProvider.acquire(factory);
    }

    @Override
    public Publisher<? extends Connection> acquire(ConnectionFactory factory, Operation operation) {
        return Mono.deferContextual(context -> {
            Boolean toPrimary = context.getOrDefault(ROUTE_KEY, null);
            if (toPrimary == null ? !operation.readOnly() : toPrimary && !operation.readOnly()) {
                counters.writes.increment();
                return onPrimary(factory, operation, ReadYourWrites.in(context).orElse(null));
            }
            if (Boolean.TRUE.equals(toPrimary)) {
                return readOnPrimary(factory, operation);
            }
            return onReplica(factory, operation, requiredPosition(context));
        });
    }

    @Override
    public Publisher<Void> release(Connection connection, ConnectionFactory factory) {
        Lease lease = leases.remove(connection);
        if (lease == null) {
            return primaryProvider.release(connection, factory);
        }
        if (lease.replica != null) {
            lease.replica.returned();
            return connection.close();
        }
        ReadYourWrites session = Objects.requireNonNull(lease.session);
        return Mono.defer(() -> positions.written(connection))
                .doOnNext(session::committed)
                .onErrorResume(error -> {
                    LOG.debug("Could not read the primary's WAL position after a write: {}", error.toString());
                    return Mono.empty();
                })
                .then(Mono.defer(() -> Mono.from(primaryProvider.release(connection, factory))));
    }

    @Override
    public Mono<ExternalTransaction> currentTransaction(ConnectionFactory factory) {
        return primaryProvider.currentTransaction(factory);
    }

    /** Reads whose replica connection broke before they emitted anything run again, elsewhere. */
    @Override
    public boolean retriesLostReads() {
        return true;
    }

    /** The latest commit any caller served by the operation made in its session, or {@code -1}. */
    private static long requiredPosition(ContextView context) {
        long required = -1;
        for (ContextView caller : Coalescing.callerContexts(context)) {
            ReadYourWrites session = ReadYourWrites.in(caller).orElse(null);
            if (session != null) {
                required = Math.max(required, session.lastCommit());
            }
        }
        return required;
    }

    /** A connection of the primary; a write with a session records the WAL position when it is given back. */
    private Mono<Connection> onPrimary(ConnectionFactory factory, Operation operation, @Nullable ReadYourWrites session) {
        return Mono.<Connection>from(primaryProvider.acquire(factory, operation))
                .onErrorMap(error -> primaryFailure(operation, error))
                .doOnNext(connection -> {
                    if (session != null) {
                        leases.put(connection, new Lease(null, session));
                    }
                });
    }

    private Mono<Connection> readOnPrimary(ConnectionFactory factory, Operation operation) {
        counters.primaryReads.increment();
        return onPrimary(factory, operation, null);
    }

    /** A replica's connection that has replayed {@code required}, else a connection of the primary. */
    private Mono<Connection> onReplica(ConnectionFactory factory, Operation operation, long required) {
        List<ReplicaNode> usable = new ArrayList<>(nodes.size());
        for (ReplicaNode node : nodes) {
            if (node.state() == ReplicaState.UP) {
                usable.add(node);
            }
        }
        if (usable.isEmpty()) {
            counters.fallbacksNoReplica.increment();
            return readOnPrimary(factory, operation);
        }
        Replica chosen = selector.select(usable, operation);
        if (!(chosen instanceof ReplicaNode node) || !usable.contains(node)) {
            return Mono.error(new IllegalStateException(selector + " chose " + chosen + ", which is not one of the usable replicas"));
        }
        node.borrowed();
        return Mono.<Connection>from(node.factory().create())
                .doOnCancel(node::returned)
                .onErrorResume(error -> {
                    node.returned();
                    node.failed(error);
                    counters.fallbacksReplicaFailed.increment();
                    return readOnPrimary(factory, operation);
                })
                .flatMap(connection -> caughtUp(node, connection, required)
                        .flatMap(ready -> ready ? served(node, connection)
                                : giveBack(node, connection).then(Mono.defer(() -> {
                                    counters.fallbacksBehind.increment();
                                    return readOnPrimary(factory, operation);
                                })))
                        .onErrorResume(error -> giveBack(node, connection).then(Mono.fromRunnable(() -> {
                            node.failed(error);
                            counters.fallbacksReplicaFailed.increment();
                        })).then(readOnPrimary(factory, operation)))
                        .doOnCancel(() -> giveBack(node, connection).subscribe()));
    }

    private Mono<Connection> served(ReplicaNode node, Connection connection) {
        leases.put(connection, new Lease(node, null));
        node.served();
        counters.replicaReads.increment();
        return Mono.just(connection);
    }

    private static Mono<Void> giveBack(ReplicaNode node, Connection connection) {
        node.returned();
        return Mono.from(connection.close()).onErrorResume(error -> Mono.empty());
    }

    /**
     * Whether the replica has replayed {@code required}: known already, or seen on this connection
     * within the read-your-writes wait (polling after 1, 2, 4 ... up to 16 ms).
     */
    private Mono<Boolean> caughtUp(ReplicaNode node, Connection connection, long required) {
        if (required < 0 || node.replayedPosition() >= required) {
            return Mono.just(true);
        }
        counters.replayWaits.increment();
        long deadline = System.nanoTime() + readYourWritesWait.toNanos();
        return poll(node, connection, required, deadline, 0);
    }

    private Mono<Boolean> poll(ReplicaNode node, Connection connection, long required, long deadline, int attempt) {
        return positions.replayed(connection)
                .map(replayed -> node.observed(replayed) >= required)
                .defaultIfEmpty(false)
                .flatMap(ready -> ready || System.nanoTime() >= deadline ? Mono.just(ready)
                        : Mono.delay(Duration.ofMillis(1L << Math.min(attempt, 4)))
                                .then(Mono.defer(() -> poll(node, connection, required, deadline, attempt + 1))));
    }

    private static DataAccessException primaryFailure(Operation operation, Throwable error) {
        if (error instanceof DataAccessException known && known.getMessage() != null
                && known.getMessage().startsWith("Could not obtain a connection to the primary")) {
            return known;
        }
        String state = error instanceof io.r2dbc.spi.R2dbcException driver ? driver.getSqlState() : null;
        return new DataAccessException("Could not obtain a connection to the primary for " + operation.kind()
                + (operation.entityType() == null ? "" : " of " + operation.entityType().getSimpleName())
                + " (writes never go to a replica): " + error.getMessage(), null, state, true, error);
    }

    @Override
    public String toString() {
        return "ReplicaRouting[" + nodes + ", " + selector + "]";
    }

    /** Why a connection was lent: a replica's read, or a primary write of a session. */
    private record Lease(@Nullable ReplicaNode replica, @Nullable ReadYourWrites session) {
    }

    /** The counters behind {@link RoutingStatistics}. */
    private static final class Counters {
        final LongAdder writes = new LongAdder();
        final LongAdder replicaReads = new LongAdder();
        final LongAdder primaryReads = new LongAdder();
        final LongAdder fallbacksNoReplica = new LongAdder();
        final LongAdder fallbacksReplicaFailed = new LongAdder();
        final LongAdder fallbacksBehind = new LongAdder();
        final LongAdder replayWaits = new LongAdder();

        RoutingStatistics snapshot() {
            return new RoutingStatistics(writes.sum(), replicaReads.sum(), primaryReads.sum(), fallbacksNoReplica.sum(),
                    fallbacksReplicaFailed.sum(), fallbacksBehind.sum(), replayWaits.sum());
        }
    }

    /**
     * Settings of a {@link ReplicaRouting}.
     *
     * @since 0.2
     */
    public static final class Builder {

        private final ConnectionFactory primary;
        private final Map<String, ConnectionFactory> replicas = new java.util.LinkedHashMap<>();
        private ConnectionProvider primaryProvider = ConnectionProvider.DEFAULT;
        private ReplicaSelector selector = ReplicaSelector.roundRobin();
        private @Nullable ReplicaPositions positions;
        private Duration maxLag = Duration.ofSeconds(5);
        private Duration readYourWritesWait = Duration.ofMillis(100);
        private Duration healthCheckInterval = Duration.ofSeconds(1);

        private Builder(ConnectionFactory primary) {
            this.primary = Objects.requireNonNull(primary, "primary");
        }

        /** A replica, by a name unique in this routing (used in logs and metrics). */
        public Builder replica(String name, ConnectionFactory factory) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(factory, "factory");
            if (replicas.putIfAbsent(name, factory) != null) {
                throw new IllegalArgumentException("Two replicas named " + name);
            }
            return this;
        }

        /**
         * How connections of the primary are obtained and given back, and which transaction managed
         * elsewhere operations join ({@link ConnectionProvider#DEFAULT}; the Spring starter passes its
         * Spring-transaction provider).
         */
        public Builder primaryProvider(ConnectionProvider provider) {
            this.primaryProvider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** How a read picks among usable replicas ({@link ReplicaSelector#roundRobin()}). */
        public Builder selector(ReplicaSelector selector) {
            this.selector = Objects.requireNonNull(selector, "selector");
            return this;
        }

        /**
         * How replication positions are read: by default {@link ReplicaPositions#postgres()} when
         * the primary's factory says it is PostgreSQL, else {@link ReplicaPositions#none()}.
         */
        public Builder positions(ReplicaPositions positions) {
            this.positions = Objects.requireNonNull(positions, "positions");
            return this;
        }

        /** How far behind the primary a replica may be before reads skip it (5 s). */
        public Builder maxLag(Duration lag) {
            this.maxLag = positive(lag, "maxLag");
            return this;
        }

        /**
         * How long a read with a {@link ReadYourWrites} session waits for a replica to replay the
         * session's last commit before it reads from the primary (100 ms; zero never waits).
         */
        public Builder readYourWritesWait(Duration wait) {
            Objects.requireNonNull(wait, "wait");
            if (wait.isNegative()) {
                throw new IllegalArgumentException("readYourWritesWait must not be negative: " + wait);
            }
            this.readYourWritesWait = wait;
            return this;
        }

        /** How often every replica is checked for being up and its lag (1 s). */
        public Builder healthCheckInterval(Duration interval) {
            this.healthCheckInterval = positive(interval, "healthCheckInterval");
            return this;
        }

        /** The routing; its health checks start now and run until {@link ReplicaRouting#close()}. */
        public ReplicaRouting build() {
            return new ReplicaRouting(this);
        }

        private static Duration positive(Duration duration, String what) {
            Objects.requireNonNull(duration, what);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + duration);
            }
            return duration;
        }
    }
}

package io.rowflow.replica;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One replica's connection factory and what the router knows about it; state changes are logged. */
final class ReplicaNode implements Replica {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRouting.class);

    private final String name;
    private final ConnectionFactory factory;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong replayed = new AtomicLong(-1);
    private final LongAdder reads = new LongAdder();
    private volatile ReplicaState state = ReplicaState.UP;
    private volatile long lagNanos;

    ReplicaNode(String name, ConnectionFactory factory) {
        this.name = name;
        this.factory = factory;
    }

    ConnectionFactory factory() {
        return factory;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ReplicaState state() {
        return state;
    }

    @Override
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public Duration lag() {
        return Duration.ofNanos(lagNanos);
    }

    @Override
    public long replayedPosition() {
        return replayed.get();
    }

    @Override
    public long reads() {
        return reads.sum();
    }

    void borrowed() {
        inFlight.incrementAndGet();
    }

    void returned() {
        inFlight.decrementAndGet();
    }

    void served() {
        reads.increment();
    }

    /** Records a replay position seen on it; returns the latest known. */
    long observed(long position) {
        return replayed.accumulateAndGet(position, Math::max);
    }

    /** A connection to it or a check of it failed: down until a check succeeds. */
    void failed(Throwable error) {
        if (moveTo(ReplicaState.DOWN)) {
            LOG.warn("Replica {} is down, reads skip it and go to other replicas or the primary: {}", name,
                    error.toString());
        }
    }

    /** A health check answered with this lag: up, or lagging past the bound. */
    void checked(long lag, Duration bound) {
        lagNanos = lag;
        ReplicaState previous = state;
        if (lag > bound.toNanos()) {
            if (moveTo(ReplicaState.LAGGING)) {
                LOG.warn("Replica {} lags {} ms behind the primary, more than the bound of {} ms: reads skip it",
                        name, lag / 1_000_000, bound.toMillis());
            }
        } else if (moveTo(ReplicaState.UP)) {
            LOG.info("Replica {} takes reads again (was {})", name, previous);
        }
    }

    void removed() {
        state = ReplicaState.REMOVED;
        LOG.info("Replica {} removed from the routing", name);
    }

    /** Moves to a state; false when it was in it already or has been removed. */
    private synchronized boolean moveTo(ReplicaState next) {
        if (state == next || state == ReplicaState.REMOVED) {
            return false;
        }
        state = next;
        return true;
    }

    @Override
    public String toString() {
        return "Replica[" + name + " " + state + ", " + inFlight() + " in flight]";
    }
}

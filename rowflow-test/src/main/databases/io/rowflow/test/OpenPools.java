package io.rowflow.test;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every connection pool the test support has made in this JVM and not disposed yet: what
 * {@link LeakCheck} inspects after each test. Held weakly, so a pool a test forgot is checked
 * while it lives and then dropped.
 */
public final class OpenPools {

    private static final ConcurrentLinkedQueue<WeakReference<ConnectionPool>> POOLS = new ConcurrentLinkedQueue<>();

    private OpenPools() {
    }

    /** Registers a pool made by a test, to be checked after each test while it is not disposed. */
    public static ConnectionPool register(ConnectionPool pool) {
        POOLS.add(new WeakReference<>(pool));
        return pool;
    }

    /** A line for each live pool that holds an acquired connection or has callers waiting for one; empty when all are idle. */
    public static List<String> busy() {
        List<String> busy = new ArrayList<>();
        POOLS.removeIf(reference -> {
            ConnectionPool pool = reference.get();
            return pool == null || pool.isDisposed();
        });
        for (WeakReference<ConnectionPool> reference : POOLS) {
            ConnectionPool pool = reference.get();
            PoolMetrics metrics = pool == null || pool.isDisposed() ? null : pool.getMetrics().orElse(null);
            if (metrics != null && (metrics.acquiredSize() > 0 || metrics.pendingAcquireSize() > 0)) {
                busy.add("a pool with " + metrics.acquiredSize() + " acquired connection(s) and "
                        + metrics.pendingAcquireSize() + " waiting caller(s)");
            }
        }
        return busy;
    }
}

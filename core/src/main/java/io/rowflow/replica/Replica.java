package io.rowflow.replica;

import java.time.Duration;

/**
 * One replica as the router sees it, for a {@link ReplicaSelector} choosing among replicas and for
 * monitoring. The values are the latest known; reading them does no I/O.
 *
 * @since 0.2
 */
public interface Replica {

    /** The name it was registered under. */
    String name();

    /** Whether it takes reads now. */
    ReplicaState state();

    /** Connections of it lent out to Rowflow operations right now. */
    int inFlight();

    /** How far behind the primary it was at the last health check; zero when unknown or caught up. */
    Duration lag();

    /** The last WAL position it was seen to have replayed, or {@code -1} when unknown. */
    long replayedPosition();

    /** Reads (statements and read-only transactions) it served so far. */
    long reads();
}

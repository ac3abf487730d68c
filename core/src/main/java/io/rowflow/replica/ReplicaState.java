package io.rowflow.replica;

/**
 * Whether a replica takes reads.
 *
 * @since 0.2
 */
public enum ReplicaState {
    /** It answers and is within the lag bound: reads may go to it. */
    UP,
    /** It answers but has replayed less than the primary wrote longer ago than the lag bound: skipped. */
    LAGGING,
    /** Connecting to it or checking it failed: skipped until a health check finds it answering again. */
    DOWN,
    /** Taken out of the routing by {@link ReplicaRouting#removeReplica(String)}: never used again. */
    REMOVED
}

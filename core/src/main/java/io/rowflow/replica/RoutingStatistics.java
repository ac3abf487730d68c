package io.rowflow.replica;

/**
 * Counts of where a {@link ReplicaRouting} sent operations since it was built. Every acquisition
 * is counted once: a write, a read on a replica, or a read on the primary (asked for, or one of
 * the fallbacks, counted by reason as well).
 *
 * @param writes writes and read-write transactions, sent to the primary
 * @param replicaReads reads (and read-only transactions) served by a replica
 * @param primaryReads reads served by the primary, the fallbacks included
 * @param fallbacksNoReplica reads that went to the primary because no replica was usable (none
 *                           configured, or all down, lagging or removed)
 * @param fallbacksReplicaFailed reads that went to the primary because connecting to the chosen
 *                               replica failed (which also marks it down)
 * @param fallbacksBehind reads that went to the primary because the chosen replica had not replayed
 *                        the session's last commit within the read-your-writes wait
 * @param replayWaits reads that waited for a replica to replay the session's last commit (whether
 *                    it then caught up or not)
 * @since 0.2
 */
public record RoutingStatistics(long writes, long replicaReads, long primaryReads, long fallbacksNoReplica,
                                long fallbacksReplicaFailed, long fallbacksBehind, long replayWaits) {
}

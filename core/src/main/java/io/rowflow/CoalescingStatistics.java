package io.rowflow;

/**
 * Counters of a database's lookup coalescing since it was created.
 *
 * @param lookups lookups asked for
 * @param statements statements sent for them (single lookups and gathered batches)
 * @param batches gathered statements carrying more than one lookup
 * @param batchedLookups lookups answered by gathered statements
 * @since 0.1
 */
public record CoalescingStatistics(long lookups, long statements, long batches, long batchedLookups) {

    /** The mean number of lookups per gathered statement, 0 when none was gathered. */
    public double meanBatchSize() {
        return batches == 0 ? 0 : (double) batchedLookups / batches;
    }
}

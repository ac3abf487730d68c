package io.rowflow;

/**
 * Counters of a database's coalescing since it was created, from
 * {@link Database#coalescingStatistics()}.
 *
 * @param lookups point lookups: {@code findById}, {@code findAllById} keys, {@code fetchOne}/{@code fetchFirst} by a unique key
 * @param relationLoads follow-up queries of relationship loading, each request being one batch of parents
 * @since 0.1
 */
public record CoalescingStatistics(Counts lookups, Counts relationLoads) {

    /**
     * Counters of one kind of coalesced read.
     *
     * @param requests requests that went through the coalescer (not those in transactions or with coalescing off)
     * @param statements statements sent for them: requests sent alone plus gathered batches
     * @param batches gathered statements answering more than one request
     * @param batchedRequests requests answered by gathered statements
     */
    public record Counts(long requests, long statements, long batches, long batchedRequests) {

        /** The mean number of requests per gathered statement, 0 when none was gathered. */
        public double meanBatchSize() {
            return batches == 0 ? 0 : (double) batchedRequests / batches;
        }

        /** Requests per statement sent: 1 without coalescing, higher the more was gathered; 0 before any request. */
        public double requestsPerStatement() {
            return statements == 0 ? 0 : (double) requests / statements;
        }
    }
}

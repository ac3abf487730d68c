package io.rowflow.internal.coalesce;

import io.rowflow.CoalescingStatistics;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one kind of coalesced read (lookups, or relationship loads) of a database. */
public final class CoalescingCounters {

    private final LongAdder requests = new LongAdder();
    private final LongAdder statements = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchedRequests = new LongAdder();

    /** A request arrived. */
    void requested() {
        requests.increment();
    }

    /** A query was sent for this many requests. */
    void sent(int requestCount) {
        statements.increment();
        if (requestCount > 1) {
            batches.increment();
            batchedRequests.add(requestCount);
        }
    }

    /** The counts so far. */
    public CoalescingStatistics.Counts snapshot() {
        return new CoalescingStatistics.Counts(requests.sum(), statements.sum(), batches.sum(), batchedRequests.sum());
    }
}

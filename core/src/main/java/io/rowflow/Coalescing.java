package io.rowflow;

/**
 * How concurrent point lookups ({@code findById}) outside transactions are coalesced: at most
 * {@code maxInFlight} lookup statements per entity run at once; lookups arriving meanwhile wait
 * and go out together, up to {@code maxBatchSize} keys in one {@code = ANY($1)} statement, when a
 * statement finishes. A lone lookup never waits.
 *
 * @param enabled whether lookups are coalesced at all
 * @param maxInFlight lookup statements per entity running at once before lookups are gathered
 * @param maxBatchSize the most keys one gathered statement carries
 * @since 0.1
 */
public record Coalescing(boolean enabled, int maxInFlight, int maxBatchSize) {

    /** Checks the limits. */
    public Coalescing {
        if (maxInFlight < 1 || maxBatchSize < 1) {
            throw new IllegalArgumentException("maxInFlight and maxBatchSize must be positive");
        }
    }

    /** Coalescing on, with 4 statements in flight per entity and batches of up to 256 keys. */
    public static Coalescing defaults() {
        return new Coalescing(true, 4, 256);
    }

    /** No coalescing: every lookup is its own statement. */
    public static Coalescing disabled() {
        return new Coalescing(false, 1, 1);
    }
}

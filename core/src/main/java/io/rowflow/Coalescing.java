package io.rowflow;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * How concurrent keyed reads outside transactions are coalesced: point lookups ({@code findById},
 * {@code findAllById}, {@code fetchOne}/{@code fetchFirst} whose only filter is equality on the id
 * or a unique column) and the follow-up queries of relationship loading. At most
 * {@code maxInFlight} statements of one kind (per entity and key column, or per relationship) run
 * at once; requests arriving meanwhile wait and go out together, up to {@code maxBatchSize} keys
 * in one {@code = ANY($1)} (or {@code IN}) statement, when one of those statements finishes. A
 * lone request never waits, and no timer is involved.
 *
 * <p>Switch it off for a whole database with {@link #disabled()}, or for one operation by writing
 * {@link #bypass()} into its context:
 * {@code db.findById(Book.class, id).contextWrite(Coalescing.bypass())}.
 *
 * @param enabled whether reads are coalesced at all
 * @param maxInFlight statements of one kind running at once before requests are gathered
 * @param maxBatchSize the most keys one gathered statement carries (a single request may carry more)
 * @since 0.1
 */
public record Coalescing(boolean enabled, int maxInFlight, int maxBatchSize) {

    private static final String BYPASS_KEY = Coalescing.class.getName() + ".bypass";

    /** Checks the limits. */
    public Coalescing {
        if (maxInFlight < 1 || maxBatchSize < 1) {
            throw new IllegalArgumentException("maxInFlight and maxBatchSize must be positive, not " + maxInFlight
                    + " and " + maxBatchSize);
        }
    }

    /** Coalescing on, with 2 statements in flight per kind and batches of up to 256 keys (chosen by measurement: docs/performance.md). */
    public static Coalescing defaults() {
        return new Coalescing(true, 2, 256);
    }

    /** No coalescing: every read is its own statement. */
    public static Coalescing disabled() {
        return new Coalescing(false, 1, 1);
    }

    /** A copy with another in-flight limit. */
    public Coalescing withMaxInFlight(int statements) {
        return new Coalescing(enabled, statements, maxBatchSize);
    }

    /** A copy with another batch limit. */
    public Coalescing withMaxBatchSize(int keys) {
        return new Coalescing(enabled, maxInFlight, keys);
    }

    /**
     * A Reactor context that keeps the operation it is written into (and everything it runs) out
     * of coalescing: {@code .contextWrite(Coalescing.bypass())}.
     */
    public static Context bypass() {
        return Context.of(BYPASS_KEY, Boolean.TRUE);
    }

    /**
     * The Reactor contexts of every caller served by the statement running in {@code context}: a
     * coalesced statement runs in its first caller's context, which also carries the others', so a
     * {@link ConnectionProvider} can honour each caller (a replica router waits for the latest
     * commit any of them made). For a statement serving one caller, just {@code context}.
     *
     * @since 0.2
     */
    public static java.util.List<ContextView> callerContexts(ContextView context) {
        return io.rowflow.internal.coalesce.CallerContexts.in(context);
    }

    /** Whether a subscriber's context asks for no coalescing. */
    public static boolean isBypassed(ContextView context) {
        return context.hasKey(BYPASS_KEY);
    }
}

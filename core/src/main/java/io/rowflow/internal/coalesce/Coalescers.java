package io.rowflow.internal.coalesce;

import io.rowflow.Coalescing;
import io.rowflow.CoalescingStatistics;
import io.rowflow.internal.tx.TransactionManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The coalescers of one database: its settings, one {@link KeyedCoalescer} per kind of read
 * (created on first use), the counters, and the decision whether a read is coalesced at all: never
 * inside a transaction (Rowflow's, or an external one the connection provider reports), never when
 * switched off for the database or bypassed in the subscriber's context.
 */
public final class Coalescers {

    /** Which counters a coalescer reports to. */
    public enum Kind {
        /** Point lookups by id or unique key. */
        LOOKUP,
        /** Follow-up queries of relationship loading. */
        RELATION_LOAD
    }

    private final Coalescing settings;
    private final TransactionManager transactions;
    private final CoalescingCounters lookups = new CoalescingCounters();
    private final CoalescingCounters relationLoads = new CoalescingCounters();
    private final Map<Object, KeyedCoalescer<?, ?>> lookupCoalescers = new ConcurrentHashMap<>();
    private final Map<Object, KeyedCoalescer<?, ?>> relationCoalescers = new ConcurrentHashMap<>();

    private final Function<ContextView, Object> partition;

    /** The coalescers of a database with these settings, not partitioned. */
    public Coalescers(Coalescing settings, TransactionManager transactions) {
        this(settings, transactions, context -> "");
    }

    /**
     * The coalescers of a database with these settings, one set per partition of the subscribers'
     * contexts (the tenant): reads of two partitions never share a statement.
     */
    public Coalescers(Coalescing settings, TransactionManager transactions, Function<ContextView, Object> partition) {
        this.settings = settings;
        this.transactions = transactions;
        this.partition = partition;
    }

    /**
     * Runs {@code coalesced} when the subscriber's read may be coalesced, otherwise {@code direct}
     * (which then runs in the subscriber's transaction, if any). Decided on subscription.
     */
    public <R> Flux<R> route(Supplier<Flux<R>> direct, Function<ContextView, Flux<R>> coalesced) {
        if (!settings.enabled()) {
            return Flux.defer(direct);
        }
        return Flux.deferContextual(context -> Coalescing.isBypassed(context) ? direct.get()
                : transactions.route(context, scope -> direct.get(), () -> coalesced.apply(context)));
    }

    /** {@link #route} for reads that emit one value at most: a row, or the list of rows of a request. */
    public <R> Mono<R> routeOne(Supplier<Mono<R>> direct, Function<ContextView, Mono<R>> coalesced) {
        if (!settings.enabled()) {
            return Mono.defer(direct);
        }
        return Mono.deferContextual(context -> {
            if (Coalescing.isBypassed(context) || transactions.current(context) != null) {
                return direct.get();
            }
            return transactions.joinsExternalTransactions()
                    ? transactions.route(context, scope -> direct.get().flux(), () -> coalesced.apply(context).flux()).singleOrEmpty()
                    : coalesced.apply(context);
        });
    }

    /**
     * The coalescer of one kind of read, created with the given functions the first time its
     * identity is asked for (identities must be values: mapped columns, lists of classes and names)
     * in the partition of the context.
     */
    @SuppressWarnings("unchecked")
    public <K, R> KeyedCoalescer<K, R> coalescer(Kind kind, Object kindIdentity, ContextView context,
                                                 KeyedCoalescer.Query<K, R> query,
                                                 Function<R, K> keyOf, @Nullable UnaryOperator<R> share) {
        Object identity = List.of(kindIdentity, partition.apply(context));
        Map<Object, KeyedCoalescer<?, ?>> ofKind = kind == Kind.LOOKUP ? lookupCoalescers : relationCoalescers;
        KeyedCoalescer<?, ?> existing = ofKind.get(identity);
        return (KeyedCoalescer<K, R>) (existing != null ? existing : ofKind.computeIfAbsent(identity,
                ignored -> new KeyedCoalescer<>(settings.maxInFlight(), settings.maxBatchSize(), query, keyOf, share,
                        kind == Kind.LOOKUP ? lookups : relationLoads)));
    }

    /** The settings. */
    public Coalescing settings() {
        return settings;
    }

    /** The counters so far. */
    public CoalescingStatistics statistics() {
        return new CoalescingStatistics(lookups.snapshot(), relationLoads.snapshot());
    }
}

package io.rowflow.internal.runtime;

import io.rowflow.Coalescing;
import io.rowflow.CoalescingStatistics;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.relation.KeyQueries;
import io.rowflow.internal.tx.TransactionManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code findById} and {@code findAllById} through a {@link LookupCoalescer} per entity, outside
 * transactions; inside a transaction (Rowflow's, or an external one the connection provider
 * reports) lookups run as they are, on its connection and snapshot.
 */
final class CoalescedLookups {

    private final Coalescing settings;
    private final EntityContext entities;
    private final EntityOperations operations;
    private final KeyQueries keys;
    private final TransactionManager transactions;
    private final LookupCoalescer.CoalescingStats stats = new LookupCoalescer.CoalescingStats();
    private final Map<Class<?>, LookupCoalescer<Object, ?>> coalescers = new ConcurrentHashMap<>();

    CoalescedLookups(Coalescing settings, EntityContext entities, EntityOperations operations, KeyQueries keys,
                     TransactionManager transactions) {
        this.settings = settings;
        this.entities = entities;
        this.operations = operations;
        this.keys = keys;
        this.transactions = transactions;
    }

    <T> Mono<T> findById(Class<T> type, Object id) {
        DefaultEntityModel<T> model = entities.model(Objects.requireNonNull(type, "type"));
        EntityContext.idBinds(model, Objects.requireNonNull(id, "id"), 1);
        if (!settings.enabled()) {
            return operations.findById(type, id);
        }
        return Flux.deferContextual(context -> transactions.route(context,
                        scope -> operations.findById(type, id).flux(),
                        () -> coalescer(model).lookup(id).flux()))
                .singleOrEmpty();
    }

    <T> Flux<T> findAllById(Class<T> type, Iterable<?> ids) {
        DefaultEntityModel<T> model = entities.model(Objects.requireNonNull(type, "type"));
        List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(toList(ids)));
        distinct.forEach(id -> EntityContext.idBinds(model, Objects.requireNonNull(id, "ids must not contain null"), 1));
        if (distinct.isEmpty()) {
            return Flux.empty();
        }
        if (!settings.enabled()) {
            return inOrder(model, distinct, keys.byKeys(model, model.idColumn(), distinct));
        }
        return Flux.deferContextual(context -> transactions.route(context,
                scope -> inOrder(model, distinct, keys.byKeys(model, model.idColumn(), distinct)),
                () -> Flux.fromIterable(distinct).flatMapSequential(id -> coalescer(model).lookup(id), settings.maxBatchSize())));
    }

    CoalescingStatistics statistics() {
        return new CoalescingStatistics(stats.lookups.get(), stats.statements.get(), stats.batches.get(),
                stats.batchedLookups.get());
    }

    @SuppressWarnings("unchecked")
    private <T> LookupCoalescer<Object, T> coalescer(DefaultEntityModel<T> model) {
        return (LookupCoalescer<Object, T>) coalescers.computeIfAbsent(model.type(), type -> new LookupCoalescer<Object, T>(
                settings.maxInFlight(), settings.maxBatchSize(),
                id -> operations.findById(model.type(), id),
                batch -> keys.byKeys(model, model.idColumn(), batch),
                model::idOf, stats));
    }

    private static <T> Flux<T> inOrder(DefaultEntityModel<T> model, List<Object> ids, Flux<T> rows) {
        return rows.collectMap(model::idOf).flatMapIterable(byId -> ids.stream().map(byId::get)
                .filter(Objects::nonNull).toList());
    }

    private static List<Object> toList(Iterable<?> ids) {
        List<Object> list = new ArrayList<>();
        Objects.requireNonNull(ids, "ids").forEach(list::add);
        return list;
    }
}

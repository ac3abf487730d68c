package io.rowflow.internal.runtime;

import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.Feature;
import io.rowflow.internal.coalesce.Coalescers;
import io.rowflow.internal.coalesce.KeyedCoalescer;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityKey;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.relation.KeyQueries;
import io.rowflow.observe.OperationKind;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Point lookups ({@code findById}, {@code findAllById}, and queries whose only filter is equality
 * on the id or a unique column) through a coalescer per entity and key column where
 * {@link Coalescers#route} allows it; as plain statements otherwise.
 *
 * <p>Only keys whose Java equality is the database's equality are coalesced, because rows are
 * routed back to their waiters by Java {@code equals}: integral numbers and UUIDs, and text where
 * the dialect compares text exactly ({@link Feature#CASE_SENSITIVE_LIKE}; MariaDB's default
 * collations ignore case). Lookups on other keys run as they are.
 */
final class CoalescedLookups {

    private static final Set<Class<?>> EXACT_KEY_TYPES =
            Set.of(Long.class, Integer.class, Short.class, Byte.class, UUID.class);

    private final Coalescers coalescers;
    private final EntityContext entities;
    private final EntityOperations operations;
    private final KeyQueries keys;
    private final boolean exactText;

    CoalescedLookups(Coalescers coalescers, EntityContext entities, EntityOperations operations, KeyQueries keys,
                     Dialect dialect) {
        this.coalescers = coalescers;
        this.entities = entities;
        this.operations = operations;
        this.keys = keys;
        this.exactText = dialect.supports(Feature.CASE_SENSITIVE_LIKE);
    }

    <T> Mono<T> findById(Class<T> type, Object id) {
        DefaultEntityModel<T> model = entities.model(Objects.requireNonNull(type, "type"));
        Object key = model.keyArgument(Objects.requireNonNull(id, "id"));
        EntityContext.keyBinds(model, key, 1);
        return findByKey(model, model.key(), key, () -> operations.findById(type, key));
    }

    <T> Flux<T> findAllById(Class<T> type, Iterable<?> ids) {
        DefaultEntityModel<T> model = entities.model(Objects.requireNonNull(type, "type"));
        List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(toList(ids).stream()
                .map(id -> model.keyArgument(Objects.requireNonNull(id, "ids must not contain null"))).toList()));
        distinct.forEach(id -> EntityContext.keyBinds(model, Objects.requireNonNull(id, "ids must not contain null"), 1));
        if (distinct.isEmpty()) {
            return Flux.empty();
        }
        EntityKey key = model.key();
        Supplier<Flux<T>> direct = () -> keys.byKeys(OperationShape.of(OperationKind.LOOKUP, type), model, key, distinct);
        Flux<T> rows = coalescable(key)
                ? coalescers.route(direct, context -> coalescer(model, key, context).fetch(distinct).flatMapIterable(found -> found))
                : Flux.defer(direct);
        return rows.collectMap(model::idOf)
                .flatMapIterable(byId -> distinct.stream().map(byId::get).filter(Objects::nonNull).toList());
    }

    /**
     * The entity whose unique key holds the value: through {@code direct} (a plain statement
     * returning that row) when alone or not coalesced, otherwise gathered with other lookups.
     */
    <T> Mono<T> findByKey(DefaultEntityModel<T> model, EntityKey key, Object value, Supplier<Mono<T>> direct) {
        if (!coalescable(key) || !key.accepts(value)) {
            return Mono.defer(direct);
        }
        return coalescers.routeOne(direct, context -> coalescer(model, key, context).fetchOne(value, direct));
    }

    /**
     * Whether lookups on this key may be coalesced: a unique key (the entity's key, or a unique
     * column) whose values compare in Java as in the database, column by column.
     */
    boolean coalescable(EntityKey key) {
        for (MappedColumn column : key.columns()) {
            if (!column.isId() && !column.unique()) {
                return false;
            }
            Class<?> type = wrapped(column);
            if (!EXACT_KEY_TYPES.contains(type) && !(type == String.class && exactText)) {
                return false;
            }
        }
        return true;
    }

    private <T> KeyedCoalescer<Object, T> coalescer(DefaultEntityModel<T> model, EntityKey key, ContextView context) {
        return coalescers.coalescer(Coalescers.Kind.LOOKUP, key.columns(), context,
                (batch, coalesced) -> keys.byKeys(coalesced ? OperationShape.of(OperationKind.LOOKUP, model.type()).asCoalesced()
                        : OperationShape.of(OperationKind.LOOKUP, model.type()), model, key, batch),
                row -> model.keyValue(row, key),
                model.shareable() ? null : model::copy);
    }

    private static Class<?> wrapped(MappedColumn column) {
        return MethodType.methodType(column.javaType()).wrap().returnType();
    }

    private static List<Object> toList(Iterable<?> ids) {
        List<Object> list = new ArrayList<>();
        Objects.requireNonNull(ids, "ids").forEach(list::add);
        return list;
    }
}

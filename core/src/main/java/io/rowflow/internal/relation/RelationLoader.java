package io.rowflow.internal.relation;

import io.rowflow.QueryException;
import io.rowflow.Ref;
import io.rowflow.internal.coalesce.Coalescers;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityKey;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.mapping.MappedRelation;
import io.rowflow.internal.model.FetchPlanModel;
import io.rowflow.internal.query.LinkTable;
import io.rowflow.mapping.RelationModel;
import io.rowflow.sql.FetchPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Loads relationships for lists of entities with one follow-up query per relationship and list
 * (never one per entity), then stitches the related entities into their owners, keeping the
 * owners' order. Nested plans load on the related entities of the whole list the same way. Queries
 * run through the executor, so inside a transaction they use its connection; outside one, the
 * same relationship's follow-ups of concurrent requests may be coalesced ({@link FollowUps}).
 */
public final class RelationLoader {

    private final EntityModels models;
    private final FollowUps queries;
    private final Map<Class<?>, Map<String, OperationShape>> shapes = new ConcurrentHashMap<>();

    /** Creates a loader over a database's models, follow-up query runner and coalescers. */
    public RelationLoader(EntityModels models, KeyQueries queries, Coalescers coalescers) {
        this.models = models;
        this.queries = new FollowUps(queries, coalescers);
    }

    /**
     * Streams the parents with the relationships loaded: parents are cut into batches of
     * {@code batchSize}, each batch is completed before the next is requested, so a subscriber
     * taking a few parents causes at most one batch of follow-up work.
     */
    public <T> Flux<T> attach(Flux<T> parents, DefaultEntityModel<T> model, List<FetchPlan> plans, int batchSize) {
        check(model, plans);
        return parents.buffer(batchSize)
                .concatMap(batch -> load(model, batch, plans), 0)
                .concatMapIterable(Function.identity());
    }

    /**
     * Whether the follow-ups of a request subscribed with this context may be coalesced with other
     * requests' (outside a transaction); when they may not, they can share the parents' connection.
     */
    public boolean coalescesFollowUps(ContextView context) {
        return queries.coalesced(context);
    }

    /** Loads the plans for one list of entities and emits the list with them set. */
    public <T> Mono<List<T>> load(DefaultEntityModel<T> model, List<T> entities, List<FetchPlan> plans) {
        Mono<List<T>> loaded = Mono.just(entities);
        for (FetchPlan plan : plans) {
            loaded = loaded.flatMap(current -> loadOne(model, current, plan));
        }
        return loaded;
    }

    /** Fails fast (before any SQL) on a plan naming a relationship that does not exist, at any depth. */
    public void check(DefaultEntityModel<?> model, List<FetchPlan> plans) {
        for (FetchPlan plan : plans) {
            MappedRelation relation = relation(model, plan.relation());
            if (FetchPlanModel.of(plan).criteria().any() && relation.toOne()) {
                throw new QueryException(relation.describe() + " is a to-one relationship; where, orderBy and limit "
                        + "apply to to-many relationships only");
            }
            check(models.entity(relation.targetType()), plan.nested());
        }
    }

    private <T> Mono<List<T>> loadOne(DefaultEntityModel<T> model, List<T> owners, FetchPlan plan) {
        if (owners.isEmpty()) {
            return Mono.just(owners);
        }
        MappedRelation relation = relation(model, plan.relation());
        DefaultEntityModel<Object> target = entity(relation.targetType());
        if (relation.foreignKey() != null) {
            return loadReferences(model, owners, relation, target, plan);
        }
        if (relation.kind() == RelationModel.Kind.MANY_TO_MANY) {
            return loadLinked(model, owners, relation, target, plan);
        }
        return loadChildren(model, owners, relation, target, plan);
    }

    /** Many-to-one and owning one-to-one: the targets whose id is an owner's foreign key. */
    private <T> Mono<List<T>> loadReferences(DefaultEntityModel<T> model, List<T> owners, MappedRelation relation,
                                             DefaultEntityModel<Object> target, FetchPlan plan) {
        EntityKey foreignKey = relation.foreignKey();
        List<Object> keys = distinct(owners, owner -> model.keyValue(owner, foreignKey));
        if (keys.isEmpty()) {
            return Mono.just(map(owners, owner -> model.withRelation(owner, relation, null)));
        }
        return queries.byKeys(shape(model, relation, target), target, target.key(), keys, FetchPlanModel.Criteria.NONE)
                .flatMap(found -> load(target, found, plan.nested()))
                .map(found -> {
                    Map<Object, Object> byId = index(found, target::idOf);
                    return map(owners, owner -> {
                        Object key = model.keyValue(owner, foreignKey);
                        Object related = key == null ? null : byId.get(key);
                        return key == null ? model.withRelation(owner, relation, null)
                                : related == null ? owner : model.withRelation(owner, relation, Ref.loaded(key, related));
                    });
                });
    }

    /** One-to-many and inverse one-to-one: the targets whose foreign key is an owner's id. */
    private <T> Mono<List<T>> loadChildren(DefaultEntityModel<T> model, List<T> owners, MappedRelation relation,
                                           DefaultEntityModel<Object> target, FetchPlan plan) {
        EntityKey foreignKey = RelationSides.backReference(relation, target).foreignKey();
        List<Object> keys = distinct(owners, model::idOf);
        return queries.byKeys(shape(model, relation, target), target, foreignKey, keys, FetchPlanModel.of(plan).criteria())
                .flatMap(found -> load(target, found, plan.nested()))
                .map(found -> {
                    Map<Object, List<Object>> byOwner = group(found, child -> target.keyValue(child, foreignKey));
                    return map(owners, owner -> model.withRelation(owner, relation,
                            RelationSides.value(relation, byOwner.getOrDefault(model.idOf(owner), List.of()), target)));
                });
    }

    /** Many-to-many: the targets linked to each owner through the link table, in one query per list. */
    private <T> Mono<List<T>> loadLinked(DefaultEntityModel<T> model, List<T> owners, MappedRelation relation,
                                         DefaultEntityModel<Object> target, FetchPlan plan) {
        MappedRelation owning = relation.owning() ? relation : RelationSides.owningManyToMany(relation, target);
        String ownerColumn = relation.owning() ? owning.joinTable().joinColumn() : owning.joinTable().inverseColumn();
        String targetColumn = relation.owning() ? owning.joinTable().inverseColumn() : owning.joinTable().joinColumn();
        List<Object> keys = distinct(owners, model::idOf);
        LinkTable linkTable = new LinkTable(owning.joinTable().name(), ownerColumn, targetColumn);
        return queries.linked(shape(model, relation, target), target, linkTable, model.key(), keys,
                        FetchPlanModel.of(plan).criteria())
                .flatMap(links -> {
                    Map<Object, Object> targets = index(links.stream().map(KeyQueries.Linked::target).toList(), target::idOf);
                    return load(target, new ArrayList<>(targets.values()), plan.nested()).map(loaded -> {
                        Map<Object, Object> loadedById = index(loaded, target::idOf);
                        Map<Object, List<Object>> byOwner = new LinkedHashMap<>();
                        for (KeyQueries.Linked<Object> link : links) {
                            byOwner.computeIfAbsent(link.ownerKey(), k -> new ArrayList<>())
                                    .add(loadedById.get(target.idOf(link.target())));
                        }
                        return map(owners, owner -> model.withRelation(owner, relation,
                                RelationSides.value(relation, byOwner.getOrDefault(model.idOf(owner), List.of()), target)));
                    });
                });
    }

    private MappedRelation relation(DefaultEntityModel<?> model, String name) {
        MappedRelation relation = model.relation(name);
        if (relation == null) {
            throw new QueryException(model.type().getName() + " has no relationship '" + name + "'; its relationships are "
                    + model.mappedRelations().stream().map(MappedRelation::name).toList());
        }
        return relation;
    }

    @SuppressWarnings("unchecked")
    private DefaultEntityModel<Object> entity(Class<?> type) {
        return (DefaultEntityModel<Object>) models.entity(type);
    }

    /** The operation of the follow-ups of one relationship, built once per relationship. */
    private OperationShape shape(DefaultEntityModel<?> model, MappedRelation relation, DefaultEntityModel<?> target) {
        Map<String, OperationShape> ofOwner = shapes.computeIfAbsent(model.type(), ignored -> new ConcurrentHashMap<>());
        OperationShape shape = ofOwner.get(relation.name());
        return shape != null ? shape : ofOwner.computeIfAbsent(relation.name(),
                name -> OperationShape.relationship(target.type(), model.type(), name));
    }

    private static <T> List<Object> distinct(Collection<T> items, Function<T, Object> key) {
        LinkedHashSet<Object> keys = new LinkedHashSet<>();
        for (T item : items) {
            Object value = key.apply(item);
            if (value != null) {
                keys.add(value);
            }
        }
        return new ArrayList<>(keys);
    }

    private static Map<Object, Object> index(List<Object> items, Function<Object, Object> key) {
        Map<Object, Object> byKey = new LinkedHashMap<>();
        items.forEach(item -> byKey.putIfAbsent(key.apply(item), item));
        return byKey;
    }

    private static Map<Object, List<Object>> group(List<Object> items, Function<Object, Object> key) {
        Map<Object, List<Object>> groups = new LinkedHashMap<>();
        for (Object item : items) {
            groups.computeIfAbsent(Objects.requireNonNull(key.apply(item)), k -> new ArrayList<>()).add(item);
        }
        return groups;
    }

    private static <T> List<T> map(List<T> owners, Function<T, T> change) {
        List<T> changed = new ArrayList<>(owners.size());
        for (T owner : owners) {
            changed.add(change.apply(owner));
        }
        return changed;
    }
}

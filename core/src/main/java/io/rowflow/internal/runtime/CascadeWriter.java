package io.rowflow.internal.runtime;

import io.rowflow.QueryException;
import io.rowflow.Ref;
import io.rowflow.Relations;
import io.rowflow.annotation.CascadeType;
import io.rowflow.dialect.Dialect;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.filter.EntityFilters;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityKey;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.mapping.MappedRelation;
import io.rowflow.internal.query.KeyPredicates;
import io.rowflow.internal.query.QueryRenderer;
import io.rowflow.internal.relation.KeyQueries;
import io.rowflow.internal.relation.RelationSides;
import io.rowflow.internal.tx.TransactionManager;
import io.rowflow.mapping.RelationModel;
import io.rowflow.observe.OperationKind;
import io.rowflow.internal.model.DataChangeModel;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Insert, update and delete of an entity together with the relationships that cascade
 * ({@code cascade = ...}), all in one transaction (the current one, or a new one): owned children
 * follow their parent's id, link rows of a many-to-many follow the collection, and children are
 * deleted before their parent. Relationships that do not cascade, and collections that were not
 * loaded, are left alone.
 */
final class CascadeWriter {

    private final EntityContext entities;
    private final EntityOperations rows;
    private final BatchInsert batch;
    private final Executor executor;
    private final TransactionManager transactions;
    private final Dialect dialect;
    private final QueryRenderer renderer;
    private final KeyQueries keys;
    private final EntityFilters filters;

    CascadeWriter(EntityContext entities, EntityOperations rows, BatchInsert batch, Executor executor,
                  TransactionManager transactions, Dialect dialect, QueryRenderer renderer, KeyQueries keys,
                  EntityFilters filters) {
        this.filters = filters;
        this.entities = entities;
        this.rows = rows;
        this.batch = batch;
        this.executor = executor;
        this.transactions = transactions;
        this.dialect = dialect;
        this.renderer = renderer;
        this.keys = keys;
    }

    // ---- insert ----

    /** Whether inserting this entity cascades to loaded related entities. */
    <T> boolean cascadesOnInsert(T entity) {
        return !loadedCascades(entities.modelOf(entity), entity, CascadeType.INSERT).isEmpty();
    }

    /**
     * Inserts many entities: runs of entities without cascading relationships go through the
     * batch insert, the others one by one with their related entities; all in one transaction.
     */
    <T> Flux<T> insertAll(Publisher<? extends T> source) {
        return Flux.deferContextual(context -> transactions.required(tx -> Flux.<T>from(source)
                .map(entity -> forTenant(entity, context, "insert"))
                .windowUntilChanged(this::cascadesOnInsert)
                .concatMap(run -> run.switchOnFirst((first, all) -> first.hasValue() && cascadesOnInsert(first.get())
                        ? all.concatMap(this::insert)
                        : batch.insertAll(all)))));
    }

    /** The entity with the context's tenant filled, or refused when it names another tenant. */
    private <T> T forTenant(T entity, ContextView context, String operation) {
        return filters.forTenant(entities.modelOf(entity), entity, context, operation);
    }

    <T> Mono<T> insert(T given) {
        if (filters.tenantColumn(entities.modelOf(given)) == null) {
            return insertForTenant(given);
        }
        return Mono.deferContextual(context -> insertForTenant(forTenant(given, context, "insert")));
    }

    private <T> Mono<T> insertForTenant(T entity) {
        DefaultEntityModel<T> model = entities.modelOf(entity);
        List<MappedRelation> cascading = loadedCascades(model, entity, CascadeType.INSERT);
        if (cascading.isEmpty()) {
            return rows.insert(entity);
        }
        return transactions.required(tx -> rows.insert(entity)
                .flatMap(saved -> each(cascading, saved, (parent, relation) -> insertRelated(model, parent, relation))))
                .single();
    }

    private <T> Mono<T> insertRelated(DefaultEntityModel<T> model, T parent, MappedRelation relation) {
        DefaultEntityModel<Object> target = entity(relation.targetType());
        List<Object> related = related(model, parent, relation);
        if (relation.kind() == RelationModel.Kind.MANY_TO_MANY) {
            return saveLinked(model, parent, relation, related, Mono.empty());
        }
        MappedRelation back = RelationSides.backReference(relation, target);
        List<Object> children = pointedAt(target, back, model.idOf(parent), related);
        Flux<Object> saved = hasCascades(target, CascadeType.INSERT)
                ? Flux.fromIterable(children).concatMap(this::insert)
                : batch.insertAll(Flux.deferContextual(context -> Flux.fromIterable(children)
                        .map(child -> forTenant(child, context, "insert"))));
        return saved.collectList().map(list -> model.withRelation(parent, relation, RelationSides.value(relation, list, target)));
    }

    // ---- update ----

    <T> Mono<T> update(T given) {
        DefaultEntityModel<T> model = entities.modelOf(given);
        if (filters.tenantColumn(model) == null) {
            return updateForTenant(given);
        }
        EntityContext.requireId(model, model.extract(given), "update");
        return Mono.deferContextual(context -> updateForTenant(forTenant(given, context, "update")));
    }

    private <T> Mono<T> updateForTenant(T entity) {
        DefaultEntityModel<T> model = entities.modelOf(entity);
        List<MappedRelation> cascading = loadedCascades(model, entity, CascadeType.UPDATE);
        if (cascading.isEmpty()) {
            return rows.update(entity);
        }
        return transactions.required(tx -> rows.update(entity)
                .flatMap(saved -> each(cascading, saved, (parent, relation) -> updateRelated(model, parent, relation))))
                .single();
    }

    private <T> Mono<T> updateRelated(DefaultEntityModel<T> model, T parent, MappedRelation relation) {
        DefaultEntityModel<Object> target = entity(relation.targetType());
        List<Object> related = related(model, parent, relation);
        if (relation.kind() == RelationModel.Kind.MANY_TO_MANY) {
            return saveLinked(model, parent, relation, related, deleteLinks(model, parent, relation));
        }
        MappedRelation back = RelationSides.backReference(relation, target);
        Object parentId = model.idOf(parent);
        List<Object> children = pointedAt(target, back, parentId, related);
        return Flux.fromIterable(children)
                .concatMap(child -> target.idOf(child) == null ? insert(child) : update(child))
                .collectList()
                .flatMap(saved -> deleteOrphans(target, back, parentId, saved).thenReturn(saved))
                .map(saved -> model.withRelation(parent, relation, RelationSides.value(relation, saved, target)));
    }

    /** Deletes the children of a parent that are no longer in its collection. */
    private Mono<Void> deleteOrphans(DefaultEntityModel<Object> target, MappedRelation back, Object parentId,
                                     List<Object> kept) {
        Set<Object> keptIds = new LinkedHashSet<>();
        kept.forEach(child -> keptIds.add(target.idOf(child)));
        if (hasCascades(target, CascadeType.DELETE)) {
            return keys.byKeys(OperationShape.of(OperationKind.QUERY, target.type()), target, back.foreignKey(),
                            List.of(parentId))
                    .filter(child -> !keptIds.contains(target.idOf(child)))
                    .concatMap(this::delete)
                    .then();
        }
        TableRef table = new TableRef(target.type(), "child");
        Predicate ofParent = KeyPredicates.equalTo(table, back.foreignKey(), parentId);
        Predicate orphans = keptIds.isEmpty() ? ofParent
                : new Predicate.And(List.of(ofParent, KeyPredicates.notIn(table, target.key(), List.copyOf(keptIds))));
        MappedColumn deleted = filters.global() ? filters.softDeleteColumn(target) : null;
        DataChangeModel change = deleted == null ? DataChangeModel.delete(table).where(orphans).build()
                : DataChangeModel.update(table).set(deleted.propertyPath(), new Expression.Value(filters.deletedValue(deleted)))
                        .where(orphans).build();
        return executor.update(OperationShape.of(OperationKind.DELETE, target.type()), renderer.dataChange(change)).then();
    }

    // ---- delete ----

    <T> Mono<Boolean> delete(T entity) {
        DefaultEntityModel<T> model = entities.modelOf(entity);
        List<MappedRelation> cascading = model.mappedRelations().stream()
                .filter(r -> r.cascades(CascadeType.DELETE) && r.foreignKey() == null).toList();
        if (cascading.isEmpty()) {
            return rows.delete(entity);
        }
        Object parentId = model.idOf(entity);
        if (parentId == null) {
            return rows.delete(entity);
        }
        return transactions.required(tx -> Flux.fromIterable(cascading)
                        .concatMap(relation -> deleteRelated(model, entity, parentId, relation))
                        .then(rows.delete(entity)))
                .single();
    }

    private <T> Mono<Void> deleteRelated(DefaultEntityModel<T> model, T parent, Object parentId, MappedRelation relation) {
        if (relation.kind() == RelationModel.Kind.MANY_TO_MANY) {
            return deleteLinks(model, parent, relation);
        }
        DefaultEntityModel<Object> target = entity(relation.targetType());
        MappedRelation back = RelationSides.backReference(relation, target);
        return deleteOrphans(target, back, parentId, List.of());
    }

    // ---- many-to-many links ----

    /**
     * Saves the targets of a many-to-many that have no id yet, then runs {@code clearLinks} and
     * inserts one link row per target; emits the parent holding the saved targets.
     */
    private <T> Mono<T> saveLinked(DefaultEntityModel<T> model, T parent, MappedRelation relation, List<Object> related,
                                   Mono<Void> clearLinks) {
        DefaultEntityModel<Object> target = entity(relation.targetType());
        return saveTargets(related, relation)
                .flatMap(saved -> clearLinks.then(insertLinks(model, parent, relation, saved)).thenReturn(saved))
                .map(saved -> model.withRelation(parent, relation, RelationSides.value(relation, saved, target)));
    }

    /** Inserts the targets that have no id yet (when inserts cascade), keeping the collection's order. */
    private Mono<List<Object>> saveTargets(List<Object> targets, MappedRelation relation) {
        return Flux.fromIterable(targets).concatMap(target -> {
            if (entity(relation.targetType()).idOf(target) != null) {
                return Mono.just(target);
            }
            if (!relation.cascades(CascadeType.INSERT) && !relation.cascades(CascadeType.UPDATE)) {
                return Mono.error(new QueryException(relation.describe() + " holds an entity without id, and inserts "
                        + "do not cascade along it; insert the " + relation.targetType().getSimpleName() + " first"));
            }
            return insert(target);
        }).collectList();
    }

    private <T> Mono<Void> insertLinks(DefaultEntityModel<T> model, T parent, MappedRelation relation, List<Object> targets) {
        if (targets.isEmpty()) {
            return Mono.empty();
        }
        Link link = link(model, relation);
        DefaultEntityModel<Object> target = entity(relation.targetType());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(dialect.quote(link.table())).append(" (")
                .append(dialect.quote(link.ownerColumn())).append(", ").append(dialect.quote(link.targetColumn()))
                .append(") VALUES ");
        List<Object> binds = new ArrayList<>();
        for (Object related : new LinkedHashSet<>(targets.stream().map(target::idOf).toList())) {
            sql.append(binds.isEmpty() ? "(" : ", (").append(dialect.bindMarker(binds.size())).append(", ")
                    .append(dialect.bindMarker(binds.size() + 1)).append(')');
            binds.add(model.key().column().codec().toDatabase(model.idOf(parent)));
            binds.add(target.key().column().codec().toDatabase(related));
        }
        return executor.update(OperationShape.of(OperationKind.INSERT, null), new PreparedSql(sql.toString(), binds.toArray()))
                .then();
    }

    private <T> Mono<Void> deleteLinks(DefaultEntityModel<T> model, T parent, MappedRelation relation) {
        Link link = link(model, relation);
        String sql = "DELETE FROM " + dialect.quote(link.table()) + " WHERE " + dialect.quote(link.ownerColumn()) + " = "
                + dialect.bindMarker(0);
        Object key = model.key().column().codec().toDatabase(model.idOf(parent));
        return executor.update(OperationShape.of(OperationKind.DELETE, null), new PreparedSql(sql, new Object[]{key})).then();
    }

    /** The link table seen from this side: which column holds this entity's id, which the target's. */
    private Link link(DefaultEntityModel<?> model, MappedRelation relation) {
        if (relation.owning()) {
            MappedRelation.JoinTableModel table = relation.joinTable();
            return new Link(table.name(), table.joinColumn(), table.inverseColumn());
        }
        MappedRelation owning = RelationSides.owningManyToMany(relation, entity(relation.targetType()));
        return new Link(owning.joinTable().name(), owning.joinTable().inverseColumn(), owning.joinTable().joinColumn());
    }

    private record Link(String table, String ownerColumn, String targetColumn) {
    }

    // ---- helpers ----

    /** The relationships cascading this write whose value is loaded (an unloaded collection is left alone). */
    private static <T> List<MappedRelation> loadedCascades(DefaultEntityModel<T> model, T entity, CascadeType type) {
        List<MappedRelation> cascading = new ArrayList<>();
        for (MappedRelation relation : model.mappedRelations()) {
            if (relation.cascades(type) && relation.foreignKey() == null && isLoaded(model.relationValue(entity, relation))) {
                cascading.add(relation);
            }
        }
        return cascading;
    }

    private static boolean isLoaded(Object value) {
        if (value instanceof Collection<?> collection) {
            return Relations.isLoaded(collection);
        }
        return value instanceof Ref<?> reference && reference.isLoaded();
    }

    /** The related entities of a loaded relationship value, as a list. */
    private static <T> List<Object> related(DefaultEntityModel<T> model, T parent, MappedRelation relation) {
        Object value = model.relationValue(parent, relation);
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value instanceof Ref<?> reference && reference.isLoaded()) {
            return List.of(reference.get());
        }
        return List.of();
    }

    /** The children with their back reference pointed at the parent's id. */
    private static List<Object> pointedAt(DefaultEntityModel<Object> target, MappedRelation back, Object parentId,
                                          List<Object> children) {
        List<Object> pointed = new ArrayList<>(children.size());
        for (Object child : children) {
            pointed.add(target.withRelation(child, back, Ref.to(parentId)));
        }
        return pointed;
    }

    private static boolean hasCascades(DefaultEntityModel<?> model, CascadeType type) {
        return model.mappedRelations().stream().anyMatch(r -> r.cascades(type) && r.foreignKey() == null);
    }

    @SuppressWarnings("unchecked")
    private DefaultEntityModel<Object> entity(Class<?> type) {
        return (DefaultEntityModel<Object>) entities.model(type);
    }

    /** Applies a step per relationship, each on the result of the previous one. */
    private static <T> Mono<T> each(List<MappedRelation> relations, T start, Step<T> step) {
        Mono<T> result = Mono.just(start);
        for (MappedRelation relation : relations) {
            result = result.flatMap(current -> step.apply(current, relation));
        }
        return result;
    }

    private interface Step<T> {
        Mono<T> apply(T parent, MappedRelation relation);
    }
}

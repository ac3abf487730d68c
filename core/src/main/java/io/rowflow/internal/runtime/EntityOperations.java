package io.rowflow.internal.runtime;

import io.rowflow.OptimisticLockException;
import io.rowflow.QueryException;
import io.rowflow.internal.execution.BindValues;
import io.rowflow.internal.execution.EntityRowMapper;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.query.KeyedReads;
import io.rowflow.internal.sql.EntitySql;
import io.rowflow.observe.OperationKind;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Single-entity CRUD: insert, update, upsert, delete and the lookups by id. Arguments are checked
 * at the call; statements run on subscription.
 */
final class EntityOperations {

    private final EntityContext entities;
    private final KeyedReads reads;
    private final Executor executor;
    private final int fetchSize;

    EntityOperations(EntityContext entities, KeyedReads reads, Executor executor, int fetchSize) {
        this.entities = entities;
        this.reads = reads;
        this.executor = executor;
        this.fetchSize = fetchSize;
    }

    <T> Mono<T> insert(T entity) {
        Objects.requireNonNull(entity, "entity");
        DefaultEntityModel<T> model = entities.modelOf(entity);
        EntitySql sql = entities.sql(model);
        MappedColumn id = model.key().generatedColumn();
        return Mono.defer(() -> {
            Object[] values = model.extract(entity);
            boolean withId = EntityContext.hasKey(model, values);
            if (!withId && id == null) {
                EntityContext.requireId(model, values, "insert");
            }
            Map<MappedColumn, Object> replacements = EntityContext.replacements();
            EntityContext.initialVersion(model, values, replacements);
            BindValues binds = new BindValues(values.length);
            sql.insertColumns(withId).forEach(column -> binds.add(column.codec(), values[column.index()]));
            PreparedSql statement = binds.toStatement(sql.insert(1, withId));
            if (withId) {
                return executor.update(OperationShape.of(OperationKind.INSERT, model.type()), statement)
                        .then(Mono.fromCallable(() -> model.with(entity, replacements)));
            }
            return executor.returning(OperationShape.of(OperationKind.INSERT, model.type()), statement,
                            row -> EntityRowMapper.read(row, 0, id))
                    .single()
                    .map(generated -> {
                        replacements.put(id, generated);
                        return model.with(entity, replacements);
                    });
        });
    }

    <T> Mono<T> update(T entity) {
        Objects.requireNonNull(entity, "entity");
        DefaultEntityModel<T> model = entities.modelOf(entity);
        EntitySql sql = entities.sql(model);
        MappedColumn version = model.versionColumn();
        EntityContext.requireId(model, model.extract(entity), "update");
        return Mono.defer(() -> {
            Object[] values = model.extract(entity);
            EntityContext.requireId(model, values, "update");
            Map<MappedColumn, Object> replacements = EntityContext.replacements();
            Object currentVersion = version == null ? null : values[version.index()];
            if (version != null) {
                if (currentVersion == null) {
                    throw new QueryException("Cannot update a " + model.type().getName() + " whose version property '"
                            + version.propertyPath() + "' is null; was it inserted?");
                }
                replacements.put(version, EntityContext.nextVersion(version, currentVersion));
            }
            BindValues binds = new BindValues(values.length + 1);
            for (MappedColumn column : sql.updateColumns()) {
                binds.add(column.codec(), column.isVersion() ? replacements.get(column) : values[column.index()]);
            }
            EntityContext.addKey(binds, model, values);
            if (version != null) {
                binds.add(version.codec(), currentVersion);
            }
            return executor.update(OperationShape.of(OperationKind.UPDATE, model.type()), binds.toStatement(sql.update())).flatMap(updated -> updated == 0
                    ? Mono.error(staleEntity(model, "updated"))
                    : Mono.fromCallable(() -> model.with(entity, replacements)));
        });
    }

    <T> Mono<T> upsert(T entity) {
        Objects.requireNonNull(entity, "entity");
        DefaultEntityModel<T> model = entities.modelOf(entity);
        EntitySql sql = entities.sql(model);
        return Mono.defer(() -> {
            Object[] values = model.extract(entity);
            if (!EntityContext.hasKey(model, values)) {
                if (model.key().generatedColumn() != null) {
                    return insert(entity);
                }
                EntityContext.requireId(model, values, "upsert");
            }
            EntityContext.initialVersion(model, values, EntityContext.replacements());
            BindValues binds = new BindValues(values.length);
            model.mappedColumns().forEach(column -> binds.add(column.codec(), values[column.index()]));
            return executor.query(OperationShape.of(OperationKind.UPSERT, model.type()), binds.toStatement(sql.upsert()), 0, EntityRowMapper.byPosition(model)).single();
        });
    }

    <T> Mono<Boolean> delete(T entity) {
        Objects.requireNonNull(entity, "entity");
        DefaultEntityModel<T> model = entities.modelOf(entity);
        EntitySql sql = entities.sql(model);
        MappedColumn version = model.versionColumn();
        EntityContext.requireId(model, model.extract(entity), "delete");
        return Mono.defer(() -> {
            Object[] values = model.extract(entity);
            EntityContext.requireId(model, values, "delete");
            if (version == null || values[version.index()] == null) {
                return deleted(model, EntityContext.addKey(new BindValues(values.length), model, values)
                        .toStatement(sql.deleteById()));
            }
            PreparedSql statement = EntityContext.addKey(new BindValues(values.length), model, values)
                    .add(version.codec(), values[version.index()])
                    .toStatement(sql.deleteByIdAndVersion());
            return executor.update(OperationShape.of(OperationKind.DELETE, model.type()), statement).flatMap(deleted -> deleted == 0
                    ? Mono.error(staleEntity(model, "deleted"))
                    : Mono.just(true));
        });
    }

    Mono<Boolean> deleteById(Class<?> type, Object id) {
        DefaultEntityModel<?> model = entities.model(Objects.requireNonNull(type, "type"));
        PreparedSql statement = EntityContext.keyBinds(model, Objects.requireNonNull(id, "id"), 1)
                .toStatement(entities.sql(model).deleteById());
        return deleted(model, statement);
    }

    <T> Mono<T> findById(Class<T> type, Object id) {
        DefaultEntityModel<T> model = entities.model(Objects.requireNonNull(type, "type"));
        PreparedSql statement = reads.byId(model, model.keyArgument(Objects.requireNonNull(id, "id")));
        return executor.queryAtMost(OperationShape.of(OperationKind.LOOKUP, type), statement, 1,
                EntityRowMapper.byPosition(model)).reduce((first, none) -> first);
    }

    Mono<Long> count(Class<?> type) {
        DefaultEntityModel<?> model = entities.model(Objects.requireNonNull(type, "type"));
        PreparedSql statement = reads.count(model);
        return executor.query(OperationShape.of(OperationKind.COUNT, type), statement, 0,
                (row, metadata) -> row.get(0, Long.class)).single();
    }

    Mono<Boolean> existsById(Class<?> type, Object id) {
        DefaultEntityModel<?> model = entities.model(Objects.requireNonNull(type, "type"));
        PreparedSql statement = reads.existsById(model, model.keyArgument(Objects.requireNonNull(id, "id")));
        return executor.queryAtMost(OperationShape.of(OperationKind.EXISTS, type), statement, 1,
                (row, metadata) -> Boolean.TRUE).count().map(rows -> rows > 0);
    }

    private Mono<Boolean> deleted(DefaultEntityModel<?> model, PreparedSql statement) {
        return executor.update(OperationShape.of(OperationKind.DELETE, model.type()), statement).map(count -> count > 0);
    }

    private static OptimisticLockException staleEntity(DefaultEntityModel<?> model, String verb) {
        String reason = model.versionColumn() == null
                ? "no row has its id (it was deleted, or never inserted)"
                : "its version no longer matches: another transaction changed or deleted it";
        return new OptimisticLockException("The " + model.type().getName() + " was not " + verb + " because " + reason
                + "; reload it and retry");
    }
}

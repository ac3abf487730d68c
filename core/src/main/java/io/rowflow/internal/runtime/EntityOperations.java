package io.rowflow.internal.runtime;

import io.rowflow.OptimisticLockException;
import io.rowflow.QueryException;
import io.rowflow.callback.Lifecycle;
import io.rowflow.internal.callback.EntityLifecycle;
import io.rowflow.internal.filter.GuardedWrites;
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
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.rowflow.annotation.GenerationType;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
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
    private final KeyGenerators keys;
    private final GuardedWrites guarded;

    EntityOperations(EntityContext entities, KeyedReads reads, Executor executor, KeyGenerators keys,
                     GuardedWrites guarded) {
        this.guarded = guarded;
        this.entities = entities;
        this.reads = reads;
        this.executor = executor;
        this.keys = keys;
    }

    /**
     * Inserts an entity: a key generated before the insert (a sequence, UUIDs, a generator) is
     * fetched first; columns the database fills are left out and read back with {@code RETURNING}.
     */
    <T> Mono<T> insert(T entity) {
        Objects.requireNonNull(entity, "entity");
        DefaultEntityModel<T> model = entities.modelOf(entity);
        EntityLifecycle<T> lifecycle = entities.lifecycle(model);
        if (lifecycle.isEmpty()) {
            return insertPrepared(model, entity);
        }
        return around(lifecycle, Lifecycle.BEFORE_INSERT, entity, prepared -> insertPrepared(model, prepared),
                Lifecycle.AFTER_INSERT);
    }

    /**
     * A write between callbacks: the entity after the {@code before} callbacks is written, and what
     * the write emits goes through the {@code after} callbacks, all in the subscriber's context.
     */
    private static <T> Mono<T> around(EntityLifecycle<T> lifecycle, Lifecycle before, T entity,
                                      java.util.function.Function<T, Mono<T>> write, Lifecycle after) {
        return Mono.deferContextual(context -> lifecycle.apply(before, entity, context)
                .flatMap(write)
                .flatMap(written -> lifecycle.apply(after, written, context)));
    }

    /** The insert of an entity its before-insert callbacks have prepared. */
    private <T> Mono<T> insertPrepared(DefaultEntityModel<T> model, T entity) {
        return Mono.defer(() -> {
            Object[] values = model.extract(entity);
            Map<MappedColumn, Object> replacements = EntityContext.replacements();
            if (!EntityContext.hasKey(model, values) && KeyGenerators.beforeInsert(model)) {
                Mono<T> inOneStatement = insertFromSequence(model, entity, values, replacements);
                if (inOneStatement != null) {
                    return inOneStatement;
                }
                return keys.next(model, 1).flatMap(generated -> {
                    MappedColumn key = model.key().column();
                    values[key.index()] = generated.get(0);
                    replacements.put(key, generated.get(0));
                    return insertValues(model, entity, values, replacements);
                });
            }
            return insertValues(model, entity, values, replacements);
        });
    }

    /**
     * The insert of an entity whose key comes from a sequence, taking the value in the statement
     * itself, or {@code null} when the key is not from a sequence or the dialect cannot do that.
     */
    private <T> @Nullable Mono<T> insertFromSequence(DefaultEntityModel<T> model, T entity, Object[] values,
                                                     Map<MappedColumn, Object> replacements) {
        MappedColumn key = model.key().column();
        if (Objects.requireNonNull(key.idGeneration()).strategy() != GenerationType.SEQUENCE) {
            return null;
        }
        EntitySql sql = entities.sql(model);
        EntityContext.initialVersion(model, values, replacements);
        BitSet omitted = sql.omittedOnInsert(values);
        String text = sql.insertFromSequence(omitted);
        if (text == null) {
            return null;
        }
        BindValues binds = new BindValues(values.length);
        sql.insertColumns(omitted).stream().filter(column -> column != key)
                .forEach(column -> binds.add(column.codec(), values[column.index()]));
        List<MappedColumn> returned = new java.util.ArrayList<>(List.of(key));
        returned.addAll(sql.returnedAfterInsert(omitted));
        PreparedSql statement = binds.toStatement(text);
        return executor.returning(OperationShape.of(OperationKind.INSERT, model.type()), statement,
                        row -> readKeyAndColumns(row, returned))
                .single()
                .map(read -> model.with(entity, putAll(replacements, returned, read)));
    }

    private <T> Mono<T> insertValues(DefaultEntityModel<T> model, T entity, Object[] values,
                                     Map<MappedColumn, Object> replacements) {
        EntitySql sql = entities.sql(model);
        if (!EntityContext.hasKey(model, values) && model.key().generatedColumn() == null) {
            EntityContext.requireId(model, values, "insert");
        }
        EntityContext.initialVersion(model, values, replacements);
        BitSet omitted = sql.omittedOnInsert(values);
        BindValues binds = new BindValues(values.length);
        sql.insertColumns(omitted).forEach(column -> binds.add(column.codec(), values[column.index()]));
        PreparedSql statement = binds.toStatement(sql.insert(1, omitted));
        List<MappedColumn> returned = sql.returnedAfterInsert(omitted);
        if (returned.isEmpty()) {
            return executor.update(OperationShape.of(OperationKind.INSERT, model.type()), statement)
                    .then(Mono.fromCallable(() -> model.with(entity, replacements)));
        }
        return executor.returning(OperationShape.of(OperationKind.INSERT, model.type()), statement,
                        row -> readColumns(row, returned))
                .single()
                .map(read -> model.with(entity, putAll(replacements, returned, read)));
    }

    /** A returned row of a sequence key, converted from the sequence's {@code bigint}, then the other columns. */
    private static Object[] readKeyAndColumns(Readable row, List<MappedColumn> columns) {
        Object[] values = new Object[columns.size()];
        values[0] = KeyGenerators.sequenceValue(columns.get(0), row.get(0));
        for (int i = 1; i < values.length; i++) {
            values[i] = EntityRowMapper.read(row, i, columns.get(i));
        }
        return values;
    }

    /** The values of these columns in a returned row, in order. */
    static Object[] readColumns(Readable row, List<MappedColumn> columns) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = EntityRowMapper.read(row, i, columns.get(i));
        }
        return values;
    }

    static Map<MappedColumn, Object> putAll(Map<MappedColumn, Object> replacements, List<MappedColumn> columns,
                                            Object[] values) {
        for (int i = 0; i < values.length; i++) {
            replacements.put(columns.get(i), values[i]);
        }
        return replacements;
    }

    /**
     * Updates an entity by key (and version); columns the database sets on update are read back,
     * with {@code RETURNING} where the dialect can, otherwise by a select on the same connection.
     */
    <T> Mono<T> update(T entity) {
        Objects.requireNonNull(entity, "entity");
        DefaultEntityModel<T> model = entities.modelOf(entity);
        EntityContext.requireId(model, model.extract(entity), "update");
        EntityLifecycle<T> lifecycle = entities.lifecycle(model);
        if (lifecycle.isEmpty()) {
            return updatePrepared(model, entity);
        }
        return around(lifecycle, Lifecycle.BEFORE_UPDATE, entity, prepared -> updatePrepared(model, prepared),
                Lifecycle.AFTER_UPDATE);
    }

    /** The update of an entity its before-update callbacks have prepared. */
    private <T> Mono<T> updatePrepared(DefaultEntityModel<T> model, T entity) {
        EntitySql sql = entities.sql(model);
        MappedColumn version = model.versionColumn();
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
            PreparedSql statement = guarded.updateByKey(model, binds.toStatement(sql.update()));
            List<MappedColumn> returned = sql.returnedAfterUpdate();
            if (returned.isEmpty()) {
                return executor.update(OperationShape.of(OperationKind.UPDATE, model.type()), statement).flatMap(updated -> updated == 0
                        ? Mono.error(staleEntity(model, "updated"))
                        : Mono.fromCallable(() -> model.with(entity, replacements)));
            }
            PreparedSql select = EntityContext.addKey(new BindValues(values.length), model, values)
                    .toStatement(Objects.requireNonNull(sql.selectAfterUpdate()));
            return executor.withConnection(OperationShape.of(OperationKind.UPDATE, model.type()), statement.sql(),
                            (connection, placed) -> updateReading(connection, placed, sql, statement, select, returned))
                    .collectList()
                    .flatMap(rows -> rows.isEmpty()
                            ? Mono.error(staleEntity(model, "updated"))
                            : Mono.fromCallable(() -> model.with(entity, putAll(replacements, returned, rows.get(0)))));
        });
    }

    /** The update returning the columns the database set, or the update then a select of them on the same connection. */
    private Flux<Object[]> updateReading(Connection connection, OperationShape operation, EntitySql sql, PreparedSql update,
                                         PreparedSql select, List<MappedColumn> returned) {
        if (sql.updateReturns()) {
            return executor.runner().returning(connection, operation, update, row -> readColumns(row, returned));
        }
        return executor.runner().update(connection, operation, update).flatMapMany(updated -> updated == 0 ? Flux.empty()
                : executor.runner().returning(connection, operation, select, row -> readColumns(row, returned)));
    }

    /**
     * Inserts or updates by key, reading the whole row back. An entity without a key whose key is
     * generated is inserted. Columns the database sets, read-only columns and
     * {@code @DatabaseDefault} columns that are null are neither inserted nor updated.
     */
    <T> Mono<T> upsert(T entity) {
        Objects.requireNonNull(entity, "entity");
        DefaultEntityModel<T> model = entities.modelOf(entity);
        EntityLifecycle<T> lifecycle = entities.lifecycle(model);
        if (lifecycle.isEmpty()) {
            return upsertPrepared(model, entity);
        }
        return around(lifecycle, Lifecycle.BEFORE_INSERT, entity, prepared -> upsertPrepared(model, prepared),
                Lifecycle.AFTER_INSERT);
    }

    /** The upsert of an entity its before-insert callbacks have prepared. */
    private <T> Mono<T> upsertPrepared(DefaultEntityModel<T> model, T entity) {
        EntitySql sql = entities.sql(model);
        return Mono.defer(() -> {
            Object[] values = model.extract(entity);
            if (!EntityContext.hasKey(model, values)) {
                if (model.key().generatedColumn() != null) {
                    return insertPrepared(model, entity);
                }
                EntityContext.requireId(model, values, "upsert");
            }
            EntityContext.initialVersion(model, values, EntityContext.replacements());
            BitSet omitted = sql.omittedOnInsert(values);
            BindValues binds = new BindValues(values.length);
            sql.insertColumns(omitted).forEach(column -> binds.add(column.codec(), values[column.index()]));
            return executor.query(OperationShape.of(OperationKind.UPSERT, model.type()), binds.toStatement(sql.upsert(omitted)), 0,
                    EntityRowMapper.byPosition(model)).single();
        });
    }

    <T> Mono<Boolean> delete(T entity) {
        Objects.requireNonNull(entity, "entity");
        DefaultEntityModel<T> model = entities.modelOf(entity);
        EntityContext.requireId(model, model.extract(entity), "delete");
        EntityLifecycle<T> lifecycle = entities.lifecycle(model);
        if (lifecycle.isEmpty()) {
            return deletePrepared(model, entity);
        }
        return Mono.deferContextual(context -> lifecycle.apply(Lifecycle.BEFORE_DELETE, entity, context)
                .flatMap(prepared -> deletePrepared(model, prepared).flatMap(deleted -> deleted
                        ? lifecycle.apply(Lifecycle.AFTER_DELETE, prepared, context).thenReturn(true)
                        : Mono.just(false))));
    }

    /** The delete of an entity its before-delete callbacks have prepared. */
    private <T> Mono<Boolean> deletePrepared(DefaultEntityModel<T> model, T entity) {
        EntitySql sql = entities.sql(model);
        MappedColumn version = model.versionColumn();
        return Mono.defer(() -> {
            Object[] values = model.extract(entity);
            EntityContext.requireId(model, values, "delete");
            Object expected = version == null ? null : values[version.index()];
            PreparedSql guardedDelete = guarded.deleteByKey(model, keyValues(model, values), expected);
            if (guardedDelete != null) {
                return expected == null ? deleted(model, guardedDelete)
                        : executor.update(OperationShape.of(OperationKind.DELETE, model.type()), guardedDelete)
                                .flatMap(count -> count == 0 ? Mono.error(staleEntity(model, "deleted")) : Mono.just(true));
            }
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
        PreparedSql guardedDelete = guarded.deleteByKey(model, model.key().columnValues(model.keyArgument(Objects.requireNonNull(id, "id"))));
        PreparedSql statement = guardedDelete != null ? guardedDelete : EntityContext.keyBinds(model, id, 1)
                .toStatement(entities.sql(model).deleteById());
        return deleted(model, statement);
    }

    <T> Mono<T> findById(Class<T> type, Object id) {
        DefaultEntityModel<T> model = entities.model(Objects.requireNonNull(type, "type"));
        PreparedSql statement = reads.byId(model, model.keyArgument(Objects.requireNonNull(id, "id")));
        return entities.lifecycle(model).applyAll(Lifecycle.AFTER_LOAD,
                executor.queryAtMost(OperationShape.of(OperationKind.LOOKUP, type), statement, 1,
                        EntityRowMapper.byPosition(model))).reduce((first, none) -> first);
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

    private static Object[] keyValues(DefaultEntityModel<?> model, Object[] values) {
        List<MappedColumn> columns = model.key().columns();
        Object[] key = new Object[columns.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = values[columns.get(i).index()];
        }
        return key;
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

package io.rowflow.internal.runtime;

import io.rowflow.OptimisticLockException;
import io.rowflow.QueryException;
import io.rowflow.annotation.CascadeType;
import io.rowflow.dialect.Dialect;
import io.rowflow.internal.execution.BindValues;
import io.rowflow.internal.execution.EntityRowMapper;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.filter.EntityFilters;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.relation.KeyQueries;
import io.rowflow.internal.sql.EntitySql;
import io.rowflow.internal.sql.EntitySql.BatchSql;
import io.rowflow.internal.tx.TransactionManager;
import io.rowflow.observe.OperationKind;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code updateAll} and {@code deleteAll}: one statement per chunk of entities of one class, joined
 * to the chunk's rows by key (and version): PostgreSQL binds one array per column
 * ({@code unnest}, so a chunk carries any number of rows), other dialects bind rows of markers within
 * their bind-parameter limit. Every chunk runs in the current transaction or a new one, so the batch is
 * all-or-nothing. Versions are checked per row: the statement returns the keys it wrote where the
 * dialect can, and a chunk with stale entities fails with an {@link OptimisticLockException} naming
 * their keys. Entities with callbacks, loaded cascading relationships, a tenant or soft-delete column
 * are written one by one through the single-entity operations, in the same transaction.
 */
final class BatchWrites {

    /** Rows per statement, at least, where columns are bound as arrays: no parameter limit applies. */
    private static final int ARRAY_ROWS_PER_STATEMENT = 10_000;
    /** Stale keys named in an exception's message; all are in {@link OptimisticLockException#staleKeys()}. */
    private static final int NAMED_KEYS = 20;

    private final EntityContext entities;
    private final Executor executor;
    private final TransactionManager transactions;
    private final Dialect dialect;
    private final int chunkSize;
    private final CascadeWriter cascades;
    private final EntityFilters filters;
    private final KeyQueries keys;

    BatchWrites(EntityContext entities, Executor executor, TransactionManager transactions, Dialect dialect, int chunkSize,
                CascadeWriter cascades, EntityFilters filters, KeyQueries keys) {
        this.entities = entities;
        this.executor = executor;
        this.transactions = transactions;
        this.dialect = dialect;
        this.chunkSize = chunkSize;
        this.cascades = cascades;
        this.filters = filters;
        this.keys = keys;
    }

    // ---- update ----

    /** Updates the entities chunk by chunk; emits them as stored (new versions set), in input order. */
    <T> Flux<T> updateAll(Publisher<? extends T> source) {
        return transactions.required(tx -> Flux.<T>from(source)
                .map(entity -> Objects.requireNonNull(entity, "updateAll got a null element"))
                .windowUntilChanged(entity -> new Run(entity.getClass(), batched(entity, CascadeType.UPDATE)))
                .concatMap(run -> run.switchOnFirst((first, all) -> {
                    if (!first.hasValue()) {
                        return all;
                    }
                    DefaultEntityModel<T> model = entities.modelOf(first.get());
                    EntitySql sql = entities.sql(model);
                    if (!batched(first.get(), CascadeType.UPDATE) || sql.batchUpdate(1) == null) {
                        return all.concatMap(cascades::update);
                    }
                    Stale stale = new Stale();
                    return all.buffer(rowsPerStatement(sql.batchUpdate(1), sql.batchUpdateColumns().size()))
                            .concatMap(chunk -> updateChunk(model, sql, chunk, stale))
                            .concatWith(Mono.defer(() -> stale.failure(model, "updated")));
                })));
    }

    /**
     * The stale entities of a run, gathered over its chunks so that the exception names all of
     * them: a chunk with stale entities emits nothing, later chunks still run (their statements
     * fail nothing on any database), and the run ends with the error, rolling the batch back.
     */
    private static final class Stale {
        private final List<Object> keys = new ArrayList<>();
        private long entities;
        private long unidentified;

        <T> Mono<T> failure(DefaultEntityModel<?> model, String verb) {
            return keys.isEmpty() && unidentified == 0 ? Mono.empty()
                    : Mono.error(stale(model, verb, keys, unidentified, entities));
        }
    }

    /** A run of entities of one class, written in batches or one by one. */
    private record Run(Class<?> type, boolean batched) {
    }

    /**
     * Whether an entity is written in a batch: it has no callbacks for the write, no loaded
     * relationship cascading it, no tenant column and no soft-delete column in a filtered view.
     */
    private <T> boolean batched(T entity, CascadeType write) {
        DefaultEntityModel<T> model = entities.modelOf(entity);
        if (!entities.lifecycle(model).isEmpty() || filters.tenantColumn(model) != null
                || (filters.global() && filters.softDeleteColumn(model) != null)) {
            return false;
        }
        return model.mappedRelations().stream().noneMatch(r -> r.cascades(write) && r.foreignKey() == null);
    }

    private int rowsPerStatement(BatchSql batch, int columns) {
        return batch.arrays() ? Math.max(chunkSize, ARRAY_ROWS_PER_STATEMENT)
                : Math.max(1, Math.min(chunkSize, dialect.maxBindParameters() / Math.max(1, columns)));
    }

    private <T> Flux<T> updateChunk(DefaultEntityModel<T> model, EntitySql sql, List<T> chunk, Stale stale) {
        stale.entities += chunk.size();
        MappedColumn version = model.versionColumn();
        List<MappedColumn> columns = sql.batchUpdateColumns();
        int keyCount = model.key().columns().size();
        List<Object[]> rows = new ArrayList<>(chunk.size());
        List<Map<MappedColumn, Object>> replacements = new ArrayList<>(chunk.size());
        Set<List<Object>> seen = new HashSet<>();
        for (T entity : chunk) {
            Object[] values = model.extract(entity);
            EntityContext.requireId(model, values, "update");
            unique(model, seen, keyOf(model, values), "updateAll");
            Map<MappedColumn, Object> replaced = EntityContext.replacements();
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = values[columns.get(i).index()];
            }
            if (version != null) {
                Object current = values[version.index()];
                if (current == null) {
                    throw new QueryException("Cannot update a " + model.type().getName() + " whose version property '"
                            + version.propertyPath() + "' is null; was it inserted?");
                }
                Object next = EntityContext.nextVersion(version, current);
                replaced.put(version, next);
                row[keyCount + sql.updateColumns().indexOf(version)] = next;
            }
            rows.add(row);
            replacements.add(replaced);
        }
        BatchSql batch = Objects.requireNonNull(sql.batchUpdate(chunk.size()));
        PreparedSql statement = bind(batch, columns, rows);
        OperationShape shape = OperationShape.of(OperationKind.UPDATE, model.type());
        if (batch.returnsKeys()) {
            List<MappedColumn> returned = new ArrayList<>(model.key().columns());
            returned.addAll(sql.returnedAfterUpdate());
            return executor.returning(shape, statement, readable -> EntityOperations.readColumns(readable, returned))
                    .collectList()
                    .flatMapMany(written -> updated(model, chunk, replacements, returned, written, stale));
        }
        return executor.update(shape, statement).flatMapMany(count -> count == chunk.size()
                ? Flux.fromIterable(indexes(chunk)).map(i -> model.with(chunk.get(i), replacements.get(i)))
                : staleAfterCount(model, chunk, "updated", stale, chunk.size() - count));
    }

    /** The entities with their new versions and returned columns, or an error naming those that matched no row. */
    private <T> Flux<T> updated(DefaultEntityModel<T> model, List<T> chunk, List<Map<MappedColumn, Object>> replacements,
                                List<MappedColumn> returned, List<Object[]> written, Stale stale) {
        int keyCount = model.key().columns().size();
        Map<List<Object>, Object[]> byKey = new HashMap<>();
        for (Object[] row : written) {
            byKey.put(List.of(java.util.Arrays.copyOf(row, keyCount)), row);
        }
        List<T> stored = new ArrayList<>(chunk.size());
        int staleBefore = stale.keys.size();
        for (int i = 0; i < chunk.size(); i++) {
            T entity = chunk.get(i);
            Object[] row = byKey.get(keyOf(model, model.extract(entity)));
            if (row == null) {
                stale.keys.add(model.idOf(entity));
                continue;
            }
            Map<MappedColumn, Object> replaced = replacements.get(i);
            for (int c = keyCount; c < returned.size(); c++) {
                replaced.put(returned.get(c), row[c]);
            }
            stored.add(replaced.isEmpty() ? entity : model.with(entity, replaced));
        }
        return stale.keys.size() == staleBefore ? Flux.fromIterable(stored) : Flux.empty();
    }

    // ---- delete ----

    /** Deletes the entities chunk by chunk; emits the number of rows deleted. */
    <T> Mono<Long> deleteAll(Publisher<? extends T> source) {
        return transactions.required(tx -> Flux.<T>from(source)
                .map(entity -> Objects.requireNonNull(entity, "deleteAll got a null element"))
                .windowUntilChanged(entity -> new Run(entity.getClass(), batched(entity, CascadeType.DELETE)))
                .concatMap(run -> run.switchOnFirst((first, all) -> {
                    if (!first.hasValue()) {
                        return Flux.<Long>empty();
                    }
                    DefaultEntityModel<T> model = entities.modelOf(first.get());
                    EntitySql sql = entities.sql(model);
                    if (!batched(first.get(), CascadeType.DELETE)) {
                        return all.concatMap(entity -> cascades.delete(entity).map(deleted -> deleted ? 1L : 0L));
                    }
                    Stale stale = new Stale();
                    return all.buffer(rowsPerStatement(sql.batchDelete(1), sql.batchDeleteColumns().size()))
                            .concatMap(chunk -> deleteChunk(model, sql, chunk, stale))
                            .concatWith(Mono.defer(() -> stale.failure(model, "deleted")));
                })))
                .reduce(0L, Long::sum);
    }

    private <T> Mono<Long> deleteChunk(DefaultEntityModel<T> model, EntitySql sql, List<T> chunk, Stale stale) {
        stale.entities += chunk.size();
        List<MappedColumn> columns = sql.batchDeleteColumns();
        List<Object[]> rows = new ArrayList<>(chunk.size());
        Set<List<Object>> seen = new HashSet<>();
        MappedColumn version = model.versionColumn();
        for (T entity : chunk) {
            Object[] values = model.extract(entity);
            EntityContext.requireId(model, values, "delete");
            unique(model, seen, keyOf(model, values), "deleteAll");
            if (version != null && values[version.index()] == null) {
                throw new QueryException("Cannot delete a " + model.type().getName() + " whose version property '"
                        + version.propertyPath() + "' is null in deleteAll; was it inserted?");
            }
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = values[columns.get(i).index()];
            }
            rows.add(row);
        }
        BatchSql batch = sql.batchDelete(chunk.size());
        PreparedSql statement = bind(batch, columns, rows);
        OperationShape shape = OperationShape.of(OperationKind.DELETE, model.type());
        if (batch.returnsKeys()) {
            List<MappedColumn> keyColumns = model.key().columns();
            return executor.returning(shape, statement, readable -> List.of(EntityOperations.readColumns(readable, keyColumns)))
                    .collect(HashSet<List<Object>>::new, Set::add)
                    .map(deleted -> {
                        for (T entity : chunk) {
                            if (!deleted.contains(keyOf(model, model.extract(entity)))) {
                                stale.keys.add(model.idOf(entity));
                            }
                        }
                        return (long) deleted.size();
                    });
        }
        Mono<Long> count = executor.update(shape, statement);
        return version == null ? count : count.flatMap(deleted -> deleted == chunk.size() ? Mono.just(deleted)
                : staleAfterCount(model, chunk, "deleted", stale, chunk.size() - deleted).then(Mono.just(deleted)));
    }

    // ---- shared ----

    /** The statement's values: one array per column, or row after row. */
    private static PreparedSql bind(BatchSql batch, List<MappedColumn> columns, List<Object[]> rows) {
        if (batch.arrays()) {
            Object[] arrays = new Object[columns.size()];
            for (int c = 0; c < arrays.length; c++) {
                MappedColumn column = columns.get(c);
                Object array = Array.newInstance(column.storedType(), rows.size());
                for (int r = 0; r < rows.size(); r++) {
                    Array.set(array, r, column.codec().toDatabase(rows.get(r)[c]));
                }
                arrays[c] = array;
            }
            return new PreparedSql(batch.sql(), arrays);
        }
        BindValues binds = new BindValues(columns.size() * rows.size());
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                binds.add(columns.get(c).codec(), row[c]);
            }
        }
        return binds.toStatement(batch.sql());
    }

    /**
     * The stale entities of a chunk whose statement reported only a count: its entities are read
     * again by key (in the same transaction), and named are those an update left missing or holding
     * another version than the one it stored, or those a versioned delete left in place. (A row a
     * concurrent transaction moved to exactly the version this update would store cannot be told apart.)
     */
    private <T> Flux<T> staleAfterCount(DefaultEntityModel<T> model, List<T> chunk, String verb, Stale stale,
                                        long missing) {
        MappedColumn version = model.versionColumn();
        List<Object> ids = chunk.stream().map(model::idOf).map(Object.class::cast).toList();
        return keys.byKeys(OperationShape.of(OperationKind.QUERY, model.type()), model, model.key(), ids)
                .collectList()
                .flatMapMany(found -> {
                    Map<Object, Object> versions = new HashMap<>();
                    for (T row : found) {
                        versions.put(model.idOf(row), version == null ? Boolean.TRUE : model.extract(row)[version.index()]);
                    }
                    int before = stale.keys.size();
                    for (T entity : chunk) {
                        Object id = model.idOf(entity);
                        boolean present = versions.containsKey(id);
                        boolean isStale = verb.equals("deleted") ? present : !present || (version != null
                                && !Objects.equals(versions.get(id),
                                        EntityContext.nextVersion(version, model.extract(entity)[version.index()])));
                        if (isStale) {
                            stale.keys.add(id);
                        }
                    }
                    stale.unidentified += Math.max(0, missing - (stale.keys.size() - before));
                    return Flux.<T>empty();
                });
    }

    private static OptimisticLockException stale(DefaultEntityModel<?> model, String verb, List<Object> stale,
                                                 long unidentified, long entities) {
        String reason = model.versionColumn() == null
                ? "no row has their key (deleted, or never inserted)"
                : "their version no longer matches or their row is gone: another transaction changed or deleted them";
        List<Object> named = stale.size() > NAMED_KEYS ? stale.subList(0, NAMED_KEYS) : stale;
        return new OptimisticLockException((stale.size() + unidentified) + " of " + entities + " " + model.type().getName()
                + " in a batch were not " + verb + " because " + reason + "; keys " + named + (stale.size() > NAMED_KEYS
                ? " and " + (stale.size() - NAMED_KEYS) + " more" : "") + (unidentified == 0 ? "" : " and " + unidentified
                + " whose rows now hold the very version this write would have stored (changed once by another "
                + "transaction), which a count cannot tell apart") + "; nothing of the batch was written; reload them "
                + "and retry", stale);
    }

    private static List<Object> keyOf(DefaultEntityModel<?> model, Object[] values) {
        List<MappedColumn> columns = model.key().columns();
        Object[] key = new Object[columns.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = values[columns.get(i).index()];
        }
        return List.of(key);
    }

    private static void unique(DefaultEntityModel<?> model, Set<List<Object>> seen, List<Object> key, String operation) {
        if (!seen.add(key)) {
            throw new QueryException(operation + " got two " + model.type().getName() + " with the key " + key
                    + " in one batch; write each entity once");
        }
    }

    private static List<Integer> indexes(List<?> list) {
        return java.util.stream.IntStream.range(0, list.size()).boxed().toList();
    }
}

package io.rowflow.internal.runtime;

import io.rowflow.DataAccessException;
import io.rowflow.QueryException;
import io.rowflow.dialect.Dialect;
import io.rowflow.internal.execution.BindValues;
import io.rowflow.internal.execution.EntityRowMapper;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.sql.EntitySql;
import io.rowflow.internal.tx.TransactionManager;
import io.rowflow.observe.OperationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * {@code insertAll}: multi-row {@code INSERT ... VALUES (...), (...)} statements of up to the
 * configured chunk size (and within the dialect's bind-parameter limit), run one after another
 * in the current transaction or a new one, so the batch is all-or-nothing. Memory is bounded by
 * one chunk.
 */
final class BatchInsert {

    /** Rows per statement, at least, where columns are bound as arrays: no parameter limit applies. */
    private static final int ARRAY_ROWS_PER_STATEMENT = 10_000;

    private final EntityContext entities;
    private final Executor executor;
    private final TransactionManager transactions;
    private final Dialect dialect;
    private final int chunkSize;

    BatchInsert(EntityContext entities, Executor executor, TransactionManager transactions, Dialect dialect, int chunkSize) {
        this.entities = entities;
        this.executor = executor;
        this.transactions = transactions;
        this.dialect = dialect;
        this.chunkSize = chunkSize;
    }

    <T> Flux<T> insertAll(Publisher<? extends T> source) {
        return transactions.required(tx -> Flux.<T>from(source).switchOnFirst((first, all) -> {
            if (!first.hasValue()) {
                return all;
            }
            DefaultEntityModel<T> model = entities.modelOf(first.get());
            int rowsPerStatement = entities.sql(model).arrayInsert(false) != null
                    ? Math.max(chunkSize, ARRAY_ROWS_PER_STATEMENT)
                    : Math.max(1, Math.min(chunkSize, dialect.maxBindParameters() / Math.max(1, model.mappedColumns().size())));
            return all.map(entity -> pending(model, entity))
                    .windowUntilChanged(Pending::withId)
                    .concatMap(run -> run.buffer(rowsPerStatement).concatMap(chunk -> insertChunk(model, chunk)));
        }));
    }

    private static <T> Pending<T> pending(DefaultEntityModel<T> model, T entity) {
        if (entity == null) {
            throw new QueryException("insertAll got a null element");
        }
        if (entity.getClass() != model.type()) {
            throw new QueryException("insertAll takes entities of one class, but got a " + entity.getClass().getName()
                    + " among " + model.type().getName());
        }
        Object[] values = model.extract(entity);
        boolean withId = EntityContext.hasKey(model, values);
        if (!withId && model.key().generatedColumn() == null) {
            EntityContext.requireId(model, values, "insert");
        }
        Map<MappedColumn, Object> replacements = EntityContext.replacements();
        EntityContext.initialVersion(model, values, replacements);
        return new Pending<>(entity, values, replacements, withId);
    }

    private <T> Flux<T> insertChunk(DefaultEntityModel<T> model, List<Pending<T>> chunk) {
        boolean withId = chunk.get(0).withId();
        EntitySql sql = entities.sql(model);
        List<MappedColumn> columns = sql.insertColumns(withId);
        String arrayInsert = sql.arrayInsert(withId);
        PreparedSql statement = arrayInsert != null ? arrays(arrayInsert, columns, chunk) : values(sql, columns, chunk, withId);
        MappedColumn id = model.key().generatedColumn();
        if (withId || id == null) {
            return executor.update(OperationShape.of(OperationKind.BATCH_INSERT, model.type()), statement).thenMany(Flux.fromIterable(chunk).map(row -> row.applied(model)));
        }
        return executor.returning(OperationShape.of(OperationKind.BATCH_INSERT, model.type()), statement,
                        readable -> EntityRowMapper.read(readable, 0, id))
                .collectList()
                .flatMapMany(ids -> withGeneratedIds(model, chunk, ids, statement));
    }

    /** One multi-row {@code VALUES} statement: one parameter per value. */
    private static <T> PreparedSql values(EntitySql sql, List<MappedColumn> columns, List<Pending<T>> chunk, boolean withId) {
        BindValues binds = new BindValues(columns.size() * chunk.size());
        for (Pending<T> row : chunk) {
            columns.forEach(column -> binds.add(column.codec(), row.values()[column.index()]));
        }
        return binds.toStatement(sql.insert(chunk.size(), withId));
    }

    /** One array statement: one parameter per column, holding that column's value of every row. */
    private static <T> PreparedSql arrays(String arrayInsert, List<MappedColumn> columns, List<Pending<T>> chunk) {
        Object[] binds = new Object[columns.size()];
        for (int c = 0; c < binds.length; c++) {
            MappedColumn column = columns.get(c);
            Object array = java.lang.reflect.Array.newInstance(column.storedType(), chunk.size());
            for (int r = 0; r < chunk.size(); r++) {
                java.lang.reflect.Array.set(array, r, column.codec().toDatabase(chunk.get(r).values()[column.index()]));
            }
            binds[c] = array;
        }
        return new PreparedSql(arrayInsert, binds);
    }

    private static <T> Flux<T> withGeneratedIds(DefaultEntityModel<T> model, List<Pending<T>> chunk, List<Object> ids,
                                                PreparedSql statement) {
        if (ids.size() != chunk.size()) {
            return Flux.error(new DataAccessException("Inserted " + chunk.size() + " rows but the database returned "
                    + ids.size() + " generated ids", statement.sql(), null, false, null));
        }
        List<T> inserted = new ArrayList<>(chunk.size());
        MappedColumn id = model.key().column();
        for (int i = 0; i < chunk.size(); i++) {
            chunk.get(i).replacements().put(id, ids.get(i));
            inserted.add(chunk.get(i).applied(model));
        }
        return Flux.fromIterable(inserted);
    }

    /** One entity waiting to be inserted, with its column values extracted. */
    private record Pending<T>(T entity, Object[] values, Map<MappedColumn, Object> replacements, boolean withId) {
        T applied(DefaultEntityModel<T> model) {
            return replacements.isEmpty() ? entity : model.with(entity, replacements);
        }
    }
}

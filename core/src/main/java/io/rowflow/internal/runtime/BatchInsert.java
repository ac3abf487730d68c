package io.rowflow.internal.runtime;

import io.rowflow.DataAccessException;
import io.rowflow.QueryException;
import io.rowflow.callback.Lifecycle;
import io.rowflow.dialect.Dialect;
import io.rowflow.internal.callback.EntityLifecycle;
import io.rowflow.internal.copy.CopyTarget;
import io.rowflow.internal.execution.BindValues;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.sql.EntitySql;
import io.rowflow.internal.tx.TransactionManager;
import io.rowflow.observe.OperationKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code insertAll}: one write per chunk of up to the configured chunk size, run one after another
 * in the current transaction or a new one, so the batch is all-or-nothing. Memory is bounded by
 * one chunk. A chunk is a binary {@code COPY} where {@link CopyInserts} allows it (PostgreSQL,
 * nothing to read back, every column type writable), else an array insert ({@code unnest}), else a
 * multi-row {@code INSERT ... VALUES (...), (...)} within the dialect's bind-parameter limit.
 */
final class BatchInsert {

    /** Rows per statement, at least, where columns are bound as arrays: no parameter limit applies. */
    private static final int ARRAY_ROWS_PER_STATEMENT = 10_000;

    private final EntityContext entities;
    private final Executor executor;
    private final TransactionManager transactions;
    private final Dialect dialect;
    private final int chunkSize;
    private final KeyGenerators keys;
    private final CopyInserts copies;

    BatchInsert(EntityContext entities, Executor executor, TransactionManager transactions, Dialect dialect, int chunkSize,
                KeyGenerators keys, CopyInserts copies) {
        this.copies = copies;
        this.entities = entities;
        this.executor = executor;
        this.transactions = transactions;
        this.dialect = dialect;
        this.chunkSize = chunkSize;
        this.keys = keys;
    }

    <T> Flux<T> insertAll(Publisher<? extends T> source) {
        return transactions.required(tx -> Flux.<T>from(source).switchOnFirst((first, all) -> {
            if (!first.hasValue()) {
                return all;
            }
            DefaultEntityModel<T> model = entities.modelOf(first.get());
            EntitySql sql = entities.sql(model);
            int rowsPerStatement = sql.arrayInsert(false) != null
                    ? Math.max(chunkSize, ARRAY_ROWS_PER_STATEMENT)
                    : Math.max(1, Math.min(chunkSize, dialect.maxBindParameters() / Math.max(1, model.mappedColumns().size())));
            EntityLifecycle<T> lifecycle = entities.lifecycle(model);
            Flux<T> prepared = lifecycle.has(Lifecycle.BEFORE_INSERT)
                    ? Flux.deferContextual(context -> all.map(entity -> checked(model, entity))
                            .concatMap(entity -> lifecycle.apply(Lifecycle.BEFORE_INSERT, entity, context)))
                    : all;
            return lifecycle.applyAll(Lifecycle.AFTER_INSERT, prepared.map(entity -> pending(model, sql, entity))
                    .windowUntilChanged(Pending::omitted)
                    .concatMap(run -> run.buffer(rowsPerStatement).concatMap(chunk -> insertChunk(model, chunk))));
        }));
    }

    /**
     * The entity, checked to be of the batch's class before callbacks of that class see it: the
     * before-insert callbacks prepare every row of a chunk before the chunk's one statement.
     */
    private static <T> T checked(DefaultEntityModel<T> model, T entity) {
        if (entity == null) {
            throw new QueryException("insertAll got a null element");
        }
        if (entity.getClass() != model.type()) {
            throw new QueryException("insertAll takes entities of one class, but got a " + entity.getClass().getName()
                    + " among " + model.type().getName());
        }
        return entity;
    }

    private static <T> Pending<T> pending(DefaultEntityModel<T> model, EntitySql sql, T entity) {
        checked(model, entity);
        Object[] values = model.extract(entity);
        boolean withId = EntityContext.hasKey(model, values);
        if (!withId && model.key().generatedColumn() == null) {
            EntityContext.requireId(model, values, "insert");
        }
        Map<MappedColumn, Object> replacements = EntityContext.replacements();
        EntityContext.initialVersion(model, values, replacements);
        return new Pending<>(entity, values, replacements, sql.omittedOnInsert(values),
                !withId && KeyGenerators.beforeInsert(model));
    }

    /** One chunk: a block of keys first where Rowflow generates them (one statement for a sequence), then the insert. */
    private <T> Flux<T> insertChunk(DefaultEntityModel<T> model, List<Pending<T>> chunk) {
        List<Pending<T>> needingKeys = chunk.stream().filter(Pending::needsKey).toList();
        if (needingKeys.isEmpty()) {
            return write(model, chunk);
        }
        MappedColumn key = model.key().column();
        return keys.next(model, needingKeys.size()).flatMapMany(generated -> {
            for (int i = 0; i < generated.size(); i++) {
                Pending<T> row = needingKeys.get(i);
                row.values()[key.index()] = generated.get(i);
                row.replacements().put(key, generated.get(i));
            }
            return write(model, chunk);
        });
    }

    private <T> Flux<T> write(DefaultEntityModel<T> model, List<Pending<T>> chunk) {
        BitSet omitted = chunk.get(0).omitted();
        EntitySql sql = entities.sql(model);
        if (!copies.candidate(sql, omitted)) {
            return insert(model, chunk, sql, omitted);
        }
        Optional<CopyTarget> known = copies.known(model, omitted);
        if (known != null && known.isEmpty()) {
            return insert(model, chunk, sql, omitted);
        }
        return copy(model, chunk, sql, omitted, known == null ? null : known.get());
    }

    /** The insert statement of a chunk: an array insert where the dialect has one, else multi-row {@code VALUES}. */
    private static <T> PreparedSql statement(EntitySql sql, List<Pending<T>> chunk, BitSet omitted) {
        List<MappedColumn> columns = sql.insertColumns(omitted);
        String arrayInsert = sql.arrayInsert(omitted);
        return arrayInsert != null ? arrays(arrayInsert, columns, chunk) : values(sql, columns, chunk, omitted);
    }

    /**
     * A chunk written by binary {@code COPY} on the operation's connection, or by its insert
     * statement on that connection when the connection or the table's column types do not allow
     * the copy. {@code known} is the copy when it was already decided.
     */
    private <T> Flux<T> copy(DefaultEntityModel<T> model, List<Pending<T>> chunk, EntitySql sql, BitSet omitted,
                             @Nullable CopyTarget known) {
        List<Object[]> rows = new ArrayList<>(chunk.size());
        chunk.forEach(row -> rows.add(row.values()));
        OperationShape shape = OperationShape.of(OperationKind.BATCH_INSERT, model.type());
        String described = known != null ? known.sql() : sql.arrayInsert(omitted) != null
                ? sql.arrayInsert(omitted) : sql.insert(chunk.size(), omitted);
        return executor.withConnection(shape, Objects.requireNonNull(described), (connection, placed) -> copies
                        .target(connection, executor.runner(), OperationShape.of(OperationKind.CATALOG, model.type()),
                                model, sql, omitted)
                        .flatMap(target -> {
                            Mono<Long> copied = target.isEmpty() ? null : executor.runner().copyIn(connection, placed,
                                    target.get().sql(), target.get().pages().pages(rows));
                            return copied != null ? copied
                                    : executor.runner().update(connection, placed, statement(sql, chunk, omitted));
                        }))
                .single()
                .flatMapMany(count -> count != chunk.size()
                        ? Flux.error(new DataAccessException("Wrote " + count + " rows of " + chunk.size(), described,
                                null, false, null))
                        : Flux.fromIterable(chunk).map(row -> row.applied(model)));
    }

    private <T> Flux<T> insert(DefaultEntityModel<T> model, List<Pending<T>> chunk, EntitySql sql, BitSet omitted) {
        PreparedSql statement = statement(sql, chunk, omitted);
        List<MappedColumn> returned = sql.returnedAfterInsert(omitted);
        if (returned.isEmpty()) {
            return executor.update(OperationShape.of(OperationKind.BATCH_INSERT, model.type()), statement)
                    .thenMany(Flux.fromIterable(chunk).map(row -> row.applied(model)));
        }
        return executor.returning(OperationShape.of(OperationKind.BATCH_INSERT, model.type()), statement,
                        readable -> EntityOperations.readColumns(readable, returned))
                .collectList()
                .flatMapMany(rows -> withReturnedValues(model, chunk, returned, rows, statement));
    }

    /** One multi-row {@code VALUES} statement: one parameter per value. */
    private static <T> PreparedSql values(EntitySql sql, List<MappedColumn> columns, List<Pending<T>> chunk, BitSet omitted) {
        BindValues binds = new BindValues(columns.size() * chunk.size());
        for (Pending<T> row : chunk) {
            columns.forEach(column -> binds.add(column.codec(), row.values()[column.index()]));
        }
        return binds.toStatement(sql.insert(chunk.size(), omitted));
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

    /** The entities with the values the database returned, row by row in insert order. */
    private static <T> Flux<T> withReturnedValues(DefaultEntityModel<T> model, List<Pending<T>> chunk,
                                                  List<MappedColumn> returned, List<Object[]> rows,
                                                  PreparedSql statement) {
        if (rows.size() != chunk.size()) {
            return Flux.error(new DataAccessException("Inserted " + chunk.size() + " rows but the database returned "
                    + rows.size() + " rows of generated values", statement.sql(), null, false, null));
        }
        List<T> inserted = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            EntityOperations.putAll(chunk.get(i).replacements(), returned, rows.get(i));
            inserted.add(chunk.get(i).applied(model));
        }
        return Flux.fromIterable(inserted);
    }

    /** One entity waiting to be inserted, with its column values extracted and the columns its insert leaves out. */
    private record Pending<T>(T entity, Object[] values, Map<MappedColumn, Object> replacements, BitSet omitted,
                              boolean needsKey) {
        T applied(DefaultEntityModel<T> model) {
            return replacements.isEmpty() ? entity : model.with(entity, replacements);
        }
    }
}

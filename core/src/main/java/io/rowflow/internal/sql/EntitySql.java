package io.rowflow.internal.sql;

import io.rowflow.QueryException;
import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.Upsert;
import io.rowflow.dialect.Feature;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.mapping.WriteMode;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The SQL text of the writes of one entity for one dialect (its reads are query-model statements
 * rendered by the SQL writer, {@code io.rowflow.internal.query.KeyedReads}), rendered once and reused so
 * the same operation always sends the same text (and hits the driver's statement cache).
 * Identifiers come only from the model and are quoted by the dialect; values are bind markers.
 */
public final class EntitySql {

    private final DefaultEntityModel<?> model;
    private final Dialect dialect;
    private final String table;
    private final String deleteById;
    private final @Nullable String deleteByIdAndVersion;
    private final String update;
    private final List<MappedColumn> returnedAfterUpdate;
    private final @Nullable String selectAfterUpdate;
    private final BitSet alwaysOmitted;
    private final Map<BitSet, Optional<String>> arrayInserts = new ConcurrentHashMap<>();
    private final Map<BitSet, String> upserts = new ConcurrentHashMap<>();
    private final Map<InsertShape, String> inserts = new ConcurrentHashMap<>();
    private final Map<BitSet, Optional<String>> insertsFromSequence = new ConcurrentHashMap<>();
    private final Map<Integer, Optional<BatchSql>> batchUpdates = new ConcurrentHashMap<>();
    private final Map<Integer, BatchSql> batchDeletes = new ConcurrentHashMap<>();

    /** The text of a multi-row insert: its row count and the columns it leaves out. */
    private record InsertShape(int rows, BitSet omitted) {
    }

    /** Renders the statements of a model for a dialect. */
    public EntitySql(DefaultEntityModel<?> model, Dialect dialect) {
        this.model = model;
        this.dialect = dialect;
        this.table = qualifiedTable(model, dialect);
        String byKey = " WHERE " + keyCondition(0);
        int keyColumns = model.key().columns().size();
        this.deleteById = "DELETE FROM " + table + byKey;
        MappedColumn version = model.versionColumn();
        this.deleteByIdAndVersion = version == null ? null
                : deleteById + " AND " + quote(version) + " = " + dialect.bindMarker(keyColumns);
        this.alwaysOmitted = new BitSet();
        model.mappedColumns().stream()
                .filter(c -> c.writeMode() != WriteMode.WRITTEN && c.writeMode() != WriteMode.DEFAULT_WHEN_NULL)
                .forEach(c -> alwaysOmitted.set(c.index()));
        this.returnedAfterUpdate = model.mappedColumns().stream()
                .filter(c -> c.writeMode() == WriteMode.GENERATED_ON_INSERT_AND_UPDATE).toList();
        this.selectAfterUpdate = returnedAfterUpdate.isEmpty() ? null : "SELECT "
                + returnedAfterUpdate.stream().map(this::quote).collect(Collectors.joining(", ")) + " FROM " + table + byKey;
        String plainUpdate = renderUpdate();
        this.update = returnedAfterUpdate.isEmpty() || !dialect.supports(Feature.UPDATE_RETURNING) ? plainUpdate
                : supported("return the columns it sets on update of", () -> dialect.returning(plainUpdate,
                        returnedAfterUpdate.stream().map(this::quote).toList()));
    }

    /** The schema-qualified, quoted table name of a model. */
    public static String qualifiedTable(DefaultEntityModel<?> model, Dialect dialect) {
        String name = dialect.quote(model.tableName());
        return model.schemaName() == null ? name : dialect.quote(model.schemaName()) + "." + name;
    }

    /** The quoted table name. */
    public String table() {
        return table;
    }

    /** Delete by key; binds: the key columns' values, in key order (as for every "by key" statement). */
    public String deleteById() {
        return deleteById;
    }

    /** Delete by key and version; binds: the key columns' values, version. Only for versioned entities. */
    public @Nullable String deleteByIdAndVersion() {
        return deleteByIdAndVersion;
    }

    /**
     * Update of every written column but the key columns by key; binds: the {@link #updateColumns()}
     * values, the key columns' values, then for versioned entities the expected (old) version.
     * Returns the {@link #returnedAfterUpdate()} columns when {@link #updateReturns()}.
     */
    public String update() {
        return update;
    }

    /** The columns set by {@link #update()}, in bind order (the version column gets the new version). */
    public List<MappedColumn> updateColumns() {
        return model.mappedColumns().stream().filter(c -> !c.isId() && c.writeMode().writable()).toList();
    }

    /** The columns the database sets on update, to be read back after it, in model order. */
    public List<MappedColumn> returnedAfterUpdate() {
        return returnedAfterUpdate;
    }

    /** Whether {@link #update()} itself returns the {@link #returnedAfterUpdate()} columns. */
    public boolean updateReturns() {
        return !returnedAfterUpdate.isEmpty() && dialect.supports(Feature.UPDATE_RETURNING);
    }

    /**
     * Select of the {@link #returnedAfterUpdate()} columns by key, for dialects whose update cannot
     * return them; binds: the key columns' values. {@code null} when there are none.
     */
    public @Nullable String selectAfterUpdate() {
        return selectAfterUpdate;
    }

    /**
     * The columns an insert of an entity with these column values leaves out: those the database
     * always sets or that are read-only, an identity key without a value, and
     * {@link WriteMode#DEFAULT_WHEN_NULL} columns that are null. Do not change the set.
     */
    public BitSet omittedOnInsert(Object[] values) {
        BitSet omitted = (BitSet) alwaysOmitted.clone();
        for (MappedColumn column : model.mappedColumns()) {
            if (values[column.index()] == null
                    && (column.writeMode() == WriteMode.DEFAULT_WHEN_NULL || column.isIdentity())) {
                omitted.set(column.index());
            }
        }
        return omitted;
    }

    /** The left-out columns of an insert whose key is set ({@code withId}) or left to an identity. */
    private BitSet omitted(boolean withId) {
        BitSet omitted = (BitSet) alwaysOmitted.clone();
        MappedColumn id = model.key().generatedColumn();
        if (!withId && id != null && id.isIdentity()) {
            omitted.set(id.index());
        }
        return omitted;
    }

    /** The columns an insert leaving these out reads back: all of them but the read-only ones, in model order. */
    public List<MappedColumn> returnedAfterInsert(BitSet omitted) {
        return model.mappedColumns().stream()
                .filter(c -> omitted.get(c.index()) && c.writeMode() != WriteMode.READ_ONLY).toList();
    }

    /**
     * The upsert statement; binds: every column in model order. Returns every column. Rendered on
     * first use, so a dialect without upsert fails only the upserts, with a {@link QueryException}.
     */
    public String upsert() {
        return upsert(omitted(true));
    }

    /**
     * The upsert of an entity leaving out these columns ({@link #omittedOnInsert}); binds: the
     * {@link #insertColumns(BitSet)} values. Left-out columns are neither inserted nor updated.
     */
    public String upsert(BitSet omitted) {
        String rendered = upserts.get(omitted);
        return rendered != null ? rendered
                : upserts.computeIfAbsent(omitted, key -> supported("upsert", () -> renderUpsert(key)));
    }

    /**
     * The SQL the dialect renders, or a {@link QueryException} naming the dialect, the operation and
     * the entity when the dialect cannot do it ({@link UnsupportedOperationException} from the SPI),
     * so that a Rowflow publisher only ever emits Rowflow's exceptions.
     */
    private String supported(String operation, Supplier<String> rendering) {
        try {
            return rendering.get();
        } catch (UnsupportedOperationException unsupported) {
            throw new QueryException("The " + dialect.name() + " dialect cannot " + operation + " "
                    + model.type().getName() + ": " + unsupported.getMessage(), unsupported);
        }
    }

    /**
     * A multi-row insert of {@code rows} rows; binds: {@link #insertColumns(boolean)} per row.
     * Returns the id column when it is an identity and not supplied, and the columns the database sets.
     */
    public String insert(int rows, boolean withId) {
        return insert(rows, omitted(withId));
    }

    /**
     * A multi-row insert of {@code rows} rows leaving out these columns; binds:
     * {@link #insertColumns(BitSet)} per row. Returns the {@link #returnedAfterInsert} columns.
     */
    public String insert(int rows, BitSet omitted) {
        InsertShape shape = new InsertShape(rows, omitted);
        String rendered = inserts.get(shape);
        return rendered != null ? rendered : inserts.computeIfAbsent(shape, key -> renderInsert(rows, omitted));
    }

    /** The columns given values by an insert: all, or all but a generated id, and never those the database sets. */
    public List<MappedColumn> insertColumns(boolean withId) {
        return insertColumns(omitted(withId));
    }

    /** The columns given values by an insert leaving out these, in model order. */
    public List<MappedColumn> insertColumns(BitSet omitted) {
        return model.mappedColumns().stream().filter(c -> !omitted.get(c.index())).toList();
    }

    /**
     * The array insert of the dialect for these columns ({@code unnest} on PostgreSQL), returning
     * the generated id when it is not supplied; {@code null} when the dialect or a column type
     * cannot be bound as an array. Binds: one array per {@link #insertColumns(boolean)} column.
     */
    public @Nullable String arrayInsert(boolean withId) {
        return arrayInsert(omitted(withId));
    }

    /**
     * The array insert leaving out these columns, returning the {@link #returnedAfterInsert}
     * columns; {@code null} when the dialect or a column type cannot be bound as an array.
     */
    public @Nullable String arrayInsert(BitSet omitted) {
        Optional<String> rendered = arrayInserts.get(omitted);
        return (rendered != null ? rendered
                : arrayInserts.computeIfAbsent(omitted, key -> Optional.ofNullable(renderArrayInsert(key)))).orElse(null);
    }

    private @Nullable String renderArrayInsert(BitSet omitted) {
        List<MappedColumn> columns = insertColumns(omitted);
        String sql = dialect.arrayInsert(table, columns.stream().map(this::quote).toList(),
                columns.stream().<Class<?>>map(MappedColumn::storedType).toList(), databaseTypes(columns));
        return sql == null ? null : withReturning(sql, returnedAfterInsert(omitted));
    }

    private String renderInsert(int rows, BitSet omitted) {
        List<MappedColumn> columns = insertColumns(omitted);
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(columns.stream().map(this::quote).collect(Collectors.joining(", "))).append(") VALUES ");
        int marker = 0;
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 0; column < columns.size(); column++) {
                sql.append(column == 0 ? "" : ", ").append(marker(columns.get(column), marker++));
            }
            sql.append(')');
        }
        return withReturning(sql.toString(), returnedAfterInsert(omitted));
    }

    private String withReturning(String insert, List<MappedColumn> returned) {
        if (returned.isEmpty()) {
            return insert;
        }
        return supported("return the values the database generates for " + returned.stream()
                        .map(MappedColumn::columnName).collect(Collectors.joining(", ")) + " of",
                () -> dialect.returning(insert, returned.stream().map(this::quote).toList()));
    }

    /**
     * A one-row insert that takes the key from its sequence in the statement itself
     * ({@code nextval('seq')}) and returns it, followed by the {@link #returnedAfterInsert} columns:
     * one round trip instead of two. Binds: the {@link #insertColumns(BitSet)} values but the key's.
     * {@code null} when the dialect has no sequence expression or cannot return values; then the
     * key is fetched with {@link #sequenceValues} first.
     */
    public @Nullable String insertFromSequence(BitSet omitted) {
        Optional<String> rendered = insertsFromSequence.get(omitted);
        return (rendered != null ? rendered : insertsFromSequence.computeIfAbsent(omitted,
                key -> Optional.ofNullable(renderInsertFromSequence(key)))).orElse(null);
    }

    private @Nullable String renderInsertFromSequence(BitSet omitted) {
        MappedColumn key = model.key().column();
        List<MappedColumn> columns = insertColumns(omitted);
        List<MappedColumn> returned = new java.util.ArrayList<>(List.of(key));
        returned.addAll(returnedAfterInsert(omitted));
        try {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                    .append(columns.stream().map(this::quote).collect(Collectors.joining(", "))).append(") VALUES (");
            int marker = 0;
            for (int column = 0; column < columns.size(); column++) {
                MappedColumn mapped = columns.get(column);
                sql.append(column == 0 ? "" : ", ")
                        .append(mapped == key ? dialect.sequenceValue(quotedSequence(key)) : marker(mapped, marker++));
            }
            return dialect.returning(sql.append(')').toString(), returned.stream().map(this::quote).toList());
        } catch (UnsupportedOperationException unsupported) {
            return null;
        }
    }

    private String quotedSequence(MappedColumn key) {
        String sequence = java.util.Objects.requireNonNull(java.util.Objects.requireNonNull(key.idGeneration()).sequence());
        return java.util.Arrays.stream(sequence.split("\\.")).map(dialect::quote).collect(Collectors.joining("."));
    }

    /**
     * The query of {@code count} new values of the sequence of a key generated by
     * {@link io.rowflow.annotation.GenerationType#SEQUENCE}; a {@link QueryException} naming the entity
     * and column when the dialect has no sequences.
     */
    public String sequenceValues(MappedColumn key, int count) {
        String quoted = quotedSequence(key);
        return supported("generate the key " + key.columnName() + " from the sequence "
                        + java.util.Objects.requireNonNull(key.idGeneration()).sequence() + " of",
                () -> dialect.sequenceValues(quoted, count));
    }

    /**
     * The text of a statement writing many entities at once, and how it is bound.
     *
     * @param sql         the statement
     * @param arrays      whether each column is bound as one array of every row's value (else row by row)
     * @param returnsKeys whether it returns the key columns of the rows it wrote, then for an update
     *                    the {@link #returnedAfterUpdate()} columns; else it reports a count
     */
    public record BatchSql(String sql, boolean arrays, boolean returnsKeys) {
    }

    /** The alias of the i-th column of a batch's row set: unlike any mapped column name. */
    private static String alias(int index) {
        return "rowflow_c" + index;
    }

    /**
     * The columns of a batch update's rows, in bind order: the key columns, the
     * {@link #updateColumns()} (the version column holding the new version), then for versioned
     * entities the expected (old) version.
     */
    public List<MappedColumn> batchUpdateColumns() {
        List<MappedColumn> columns = new java.util.ArrayList<>(model.key().columns());
        columns.addAll(updateColumns());
        if (model.versionColumn() != null) {
            columns.add(model.versionColumn());
        }
        return columns;
    }

    /**
     * The update of {@code rows} entities in one statement, joined to their rows by key (and
     * version); {@code null} when the dialect has no such statement, or cannot return the columns
     * the database sets on update. Binds: {@link #batchUpdateColumns()}, as arrays or row by row.
     */
    public @Nullable BatchSql batchUpdate(int rows) {
        Optional<BatchSql> rendered = batchUpdates.get(rows);
        return (rendered != null ? rendered : batchUpdates.computeIfAbsent(rows,
                key -> Optional.ofNullable(renderBatchUpdate(key)))).orElse(null);
    }

    private @Nullable BatchSql renderBatchUpdate(int rows) {
        boolean returns = dialect.supports(Feature.UPDATE_RETURNING);
        if (!returnedAfterUpdate.isEmpty() && !returns) {
            return null;
        }
        List<MappedColumn> columns = batchUpdateColumns();
        List<MappedColumn> keys = model.key().columns();
        List<String> assignments = new java.util.ArrayList<>();
        List<MappedColumn> updated = updateColumns();
        for (int i = 0; i < updated.size(); i++) {
            assignments.add(quote(updated.get(i)) + " = u." + alias(keys.size() + i));
        }
        if (assignments.isEmpty()) {
            assignments.add(quote(keys.get(0)) + " = u." + alias(0));
        }
        StringBuilder condition = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            condition.append(i == 0 ? "" : " AND ").append("t.").append(quote(keys.get(i))).append(" = u.").append(alias(i));
        }
        if (model.versionColumn() != null) {
            condition.append(" AND t.").append(quote(model.versionColumn())).append(" = u.").append(alias(columns.size() - 1));
        }
        RowSet set = rowSet(columns, rows);
        try {
            String sql = dialect.updateFrom(table, set.sql(), assignments, condition.toString());
            if (returns) {
                List<String> returned = new java.util.ArrayList<>(keys.stream().map(this::quote).toList());
                returnedAfterUpdate.forEach(column -> returned.add(quote(column)));
                sql = dialect.returning(sql, returned);
            }
            return new BatchSql(sql, set.arrays(), returns);
        } catch (UnsupportedOperationException unsupported) {
            return null;
        }
    }

    /** The columns of a batch delete's rows, in bind order: the key columns, then the version if any. */
    public List<MappedColumn> batchDeleteColumns() {
        List<MappedColumn> columns = new java.util.ArrayList<>(model.key().columns());
        if (model.versionColumn() != null) {
            columns.add(model.versionColumn());
        }
        return columns;
    }

    /**
     * The delete of {@code rows} entities in one statement by key (and version), returning the keys
     * it deleted for versioned entities where the dialect can. Binds: {@link #batchDeleteColumns()},
     * as arrays or row by row.
     */
    public BatchSql batchDelete(int rows) {
        BatchSql rendered = batchDeletes.get(rows);
        return rendered != null ? rendered : batchDeletes.computeIfAbsent(rows, this::renderBatchDelete);
    }

    private BatchSql renderBatchDelete(int rows) {
        List<MappedColumn> columns = batchDeleteColumns();
        List<String> aliases = java.util.stream.IntStream.range(0, columns.size()).mapToObj(EntitySql::alias).toList();
        String arrays = dialect.arrayRows(columns.stream().<Class<?>>map(MappedColumn::storedType).toList(),
                databaseTypes(columns), "u", aliases);
        String sql;
        if (arrays != null) {
            StringBuilder condition = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                condition.append(i == 0 ? "" : " AND ").append("t.").append(quote(columns.get(i))).append(" = u.")
                        .append(aliases.get(i));
            }
            sql = "DELETE FROM " + table + " AS t USING " + arrays + " WHERE " + condition;
        } else {
            StringBuilder in = new StringBuilder("DELETE FROM ").append(table).append(" WHERE ");
            boolean single = columns.size() == 1;
            in.append(single ? quote(columns.get(0))
                    : "(" + columns.stream().map(this::quote).collect(Collectors.joining(", ")) + ")").append(" IN (");
            int marker = 0;
            for (int row = 0; row < rows; row++) {
                in.append(row == 0 ? "" : ", ").append(single ? "" : "(");
                for (int column = 0; column < columns.size(); column++) {
                    in.append(column == 0 ? "" : ", ").append(marker(columns.get(column), marker++));
                }
                in.append(single ? "" : ")");
            }
            sql = in.append(')').toString();
        }
        boolean returns = model.versionColumn() != null && dialect.supports(Feature.RETURNING);
        if (returns) {
            sql = dialect.returningDeleted(sql, model.key().columns().stream().map(this::quote).toList());
        }
        return new BatchSql(sql, arrays != null, returns);
    }

    /** The rows of a batch: arrays where the dialect binds them, else {@code rows} rows of markers. */
    private RowSet rowSet(List<MappedColumn> columns, int rows) {
        List<String> aliases = java.util.stream.IntStream.range(0, columns.size()).mapToObj(EntitySql::alias).toList();
        String arrays = dialect.arrayRows(columns.stream().<Class<?>>map(MappedColumn::storedType).toList(),
                databaseTypes(columns), "u", aliases);
        return arrays != null ? new RowSet(arrays, true)
                : new RowSet(dialect.valuesRows(rows, databaseTypes(columns), "u", aliases), false);
    }

    private record RowSet(String sql, boolean arrays) {
    }

    private String renderUpdate() {
        List<MappedColumn> columns = updateColumns();
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        int marker = 0;
        for (MappedColumn column : columns) {
            sql.append(marker == 0 ? "" : ", ").append(quote(column)).append(" = ").append(marker(column, marker++));
        }
        if (columns.isEmpty()) {
            MappedColumn first = model.key().columns().get(0);
            sql.append(quote(first)).append(" = ").append(quote(first));
        }
        sql.append(" WHERE ").append(keyCondition(marker));
        marker += model.key().columns().size();
        if (model.versionColumn() != null) {
            sql.append(" AND ").append(quote(model.versionColumn())).append(" = ").append(dialect.bindMarker(marker));
        }
        return sql.toString();
    }

    private String renderUpsert(BitSet omitted) {
        List<MappedColumn> written = insertColumns(omitted);
        List<String> inserted = written.stream().map(this::quote).toList();
        List<String> all = model.mappedColumns().stream().map(this::quote).toList();
        List<String> updates = written.stream().filter(c -> !c.isId() && !c.isVersion()).map(this::quote).toList();
        MappedColumn version = model.versionColumn();
        List<String> key = model.key().columns().stream().map(this::quote).toList();
        return dialect.upsert(new Upsert(table, inserted, key, updates,
                version == null ? null : quote(version), all, databaseTypes(written)));
    }

    /** The bind marker of a value of the column, cast to its declared database type where the dialect needs it. */
    private String marker(MappedColumn column, int index) {
        return dialect.bindMarker(index, column.databaseType());
    }

    private static List<@Nullable String> databaseTypes(List<MappedColumn> columns) {
        return columns.stream().<@Nullable String>map(MappedColumn::databaseType).collect(Collectors.toList());
    }

    /** {@code a = $n AND b = $n+1}: the key columns, bound from marker {@code first} on. */
    private String keyCondition(int first) {
        StringBuilder condition = new StringBuilder();
        int marker = first;
        for (MappedColumn column : model.key().columns()) {
            condition.append(marker == first ? "" : " AND ").append(quote(column)).append(" = ")
                    .append(marker(column, marker++));
        }
        return condition.toString();
    }

    private String quote(MappedColumn column) {
        return dialect.quote(column.columnName());
    }
}

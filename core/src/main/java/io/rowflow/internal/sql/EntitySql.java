package io.rowflow.internal.sql;

import io.rowflow.QueryException;
import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.Upsert;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import java.util.List;
import java.util.Map;
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
    private final @Nullable String arrayInsertWithId;
    private final @Nullable String arrayInsertWithoutId;
    private volatile @Nullable String upsert;
    private final Map<Integer, String> insertsWithId = new ConcurrentHashMap<>();
    private final Map<Integer, String> insertsWithoutId = new ConcurrentHashMap<>();

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
        this.update = renderUpdate();
        this.arrayInsertWithId = renderArrayInsert(true);
        this.arrayInsertWithoutId = renderArrayInsert(false);
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
     * Update of every column but the key columns by key; binds: the {@link #updateColumns()}
     * values, the key columns' values, then for versioned entities the expected (old) version.
     */
    public String update() {
        return update;
    }

    /** The columns set by {@link #update()}, in bind order (the version column gets the new version). */
    public List<MappedColumn> updateColumns() {
        return model.mappedColumns().stream().filter(c -> !c.isId()).toList();
    }

    /**
     * The upsert statement; binds: every column in model order. Returns every column. Rendered on
     * first use, so a dialect without upsert fails only the upserts, with a {@link QueryException}.
     */
    public String upsert() {
        String rendered = upsert;
        if (rendered == null) {
            rendered = supported("upsert", this::renderUpsert);
            upsert = rendered;
        }
        return rendered;
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
     * Returns the id column when it is generated and not supplied.
     */
    public String insert(int rows, boolean withId) {
        Map<Integer, String> cache = withId ? insertsWithId : insertsWithoutId;
        return cache.computeIfAbsent(rows, n -> renderInsert(n, withId));
    }

    /** The columns given values by an insert: all, or all but a generated id. */
    public List<MappedColumn> insertColumns(boolean withId) {
        return model.mappedColumns().stream().filter(c -> withId || !c.isGenerated()).toList();
    }

    /**
     * The array insert of the dialect for these columns ({@code unnest} on PostgreSQL), returning
     * the generated id when it is not supplied; {@code null} when the dialect or a column type
     * cannot be bound as an array. Binds: one array per {@link #insertColumns(boolean)} column.
     */
    public @Nullable String arrayInsert(boolean withId) {
        return withId ? arrayInsertWithId : arrayInsertWithoutId;
    }

    private @Nullable String renderArrayInsert(boolean withId) {
        List<MappedColumn> columns = insertColumns(withId);
        String sql = dialect.arrayInsert(table, columns.stream().map(this::quote).toList(),
                columns.stream().<Class<?>>map(MappedColumn::storedType).toList(), databaseTypes(columns));
        if (sql == null) {
            return null;
        }
        MappedColumn id = model.key().generatedColumn();
        return id != null && !withId ? dialect.returning(sql, List.of(quote(id))) : sql;
    }

    private String renderInsert(int rows, boolean withId) {
        List<MappedColumn> columns = insertColumns(withId);
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
        MappedColumn id = model.key().generatedColumn();
        if (id != null && !withId) {
            return supported("return the generated key of", () -> dialect.returning(sql.toString(), List.of(quote(id))));
        }
        return sql.toString();
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

    private String renderUpsert() {
        List<String> all = model.mappedColumns().stream().map(this::quote).toList();
        List<String> updates = model.mappedColumns().stream()
                .filter(c -> !c.isId() && !c.isVersion()).map(this::quote).toList();
        MappedColumn version = model.versionColumn();
        List<String> key = model.key().columns().stream().map(this::quote).toList();
        return dialect.upsert(new Upsert(table, all, key, updates,
                version == null ? null : quote(version), all, databaseTypes(model.mappedColumns())));
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

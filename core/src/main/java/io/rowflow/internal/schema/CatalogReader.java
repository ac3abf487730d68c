package io.rowflow.internal.schema;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.rowflow.dialect.Dialect;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.observe.OperationKind;
import io.rowflow.internal.execution.PreparedSql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Reads the tables of one schema from {@code information_schema} (columns, then primary keys)
 * through Rowflow's own execution path: two statements, names compared in lower case. Columns
 * only some databases have ({@code udt_name}, {@code domain_name}) are read where present.
 */
public final class CatalogReader {

    private static final String PRIMARY_KEYS = "SELECT k.table_name, k.column_name, k.ordinal_position "
            + "FROM information_schema.table_constraints c JOIN information_schema.key_column_usage k "
            + "ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema "
            + "AND k.table_name = c.table_name WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = ";

    private static final OperationShape CATALOG = OperationShape.of(OperationKind.CATALOG, null);

    private final Executor executor;
    private final Dialect dialect;

    /** A reader running its statements with this executor. */
    public CatalogReader(Executor executor, Dialect dialect) {
        this.executor = executor;
        this.dialect = dialect;
    }

    /** Emits the tables of a schema by lower-case name; {@code null} means the current schema. */
    Mono<Map<String, CatalogTable>> tables(@Nullable String schema) {
        Mono<Map<String, Map<String, CatalogColumn>>> columns = executor
                .query(CATALOG, statement("SELECT * FROM information_schema.columns WHERE table_schema = ", schema), 0,
                        CatalogReader::column)
                .collect(LinkedHashMap::new, (tables, entry) -> tables
                        .computeIfAbsent(entry.table(), name -> new LinkedHashMap<>())
                        .put(entry.column().name().toLowerCase(Locale.ROOT), entry.column()));
        Mono<Map<String, List<KeyPart>>> keys = executor
                .query(CATALOG, statement(PRIMARY_KEYS, schema), 0, CatalogReader::keyPart)
                .collect(LinkedHashMap::new, (tables, part) -> tables
                        .computeIfAbsent(part.table(), name -> new ArrayList<>()).add(part));
        return columns.zipWith(keys, CatalogReader::tables);
    }

    private PreparedSql statement(String sql, @Nullable String schema) {
        return schema == null ? new PreparedSql(sql + dialect.currentSchema(), new Object[0])
                : new PreparedSql(sql + dialect.bindMarker(0), new Object[]{schema});
    }

    private static Map<String, CatalogTable> tables(Map<String, Map<String, CatalogColumn>> columns,
                                                    Map<String, List<KeyPart>> keys) {
        Map<String, CatalogTable> tables = new LinkedHashMap<>();
        columns.forEach((name, tableColumns) -> {
            List<String> key = keys.getOrDefault(name, List.of()).stream()
                    .sorted(java.util.Comparator.comparingInt(KeyPart::position)).map(KeyPart::column).toList();
            tables.put(name, new CatalogTable(name, Map.copyOf(tableColumns), key));
        });
        return tables;
    }

    private static TableColumn column(Row row, RowMetadata metadata) {
        String dataType = lower(row.get("data_type", String.class));
        String namedType = null;
        if (metadata.contains("domain_name")) {
            namedType = lower(row.get("domain_name", String.class));
        }
        if (namedType == null && metadata.contains("udt_name")
                && (dataType.equals("user-defined") || dataType.equals("array"))) {
            namedType = lower(row.get("udt_name", String.class));
        }
        CatalogColumn column = new CatalogColumn(text(row, "column_name"), dataType, namedType,
                "YES".equalsIgnoreCase(row.get("is_nullable", String.class)));
        return new TableColumn(lower(text(row, "table_name")), column);
    }

    private static KeyPart keyPart(Row row, RowMetadata metadata) {
        Number position = row.get("ordinal_position", Number.class);
        return new KeyPart(lower(text(row, "table_name")), lower(text(row, "column_name")),
                position == null ? 0 : position.intValue());
    }

    private static String text(Row row, String name) {
        String value = row.get(name, String.class);
        return value == null ? "" : value;
    }

    private static @Nullable String lower(@Nullable String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private record TableColumn(String table, CatalogColumn column) {
    }

    private record KeyPart(String table, String column, int position) {
    }
}

package io.rowflow.internal.copy;

import io.rowflow.internal.mapping.MappedColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the rows of one insert shape are copied: the {@code COPY} statement and the binary writer of
 * each of its columns. Built by {@link #of} only when every column can be written exactly.
 *
 * @param sql   {@code COPY table (columns) FROM STDIN (FORMAT binary)}
 * @param pages the writer of the rows' binary stream
 */
public record CopyTarget(String sql, CopyPages pages) {

    /**
     * The copy of these columns into a table whose columns have these types (from the catalog:
     * column name to {@code typname} and {@code typtype}), or {@code null} when a column's type or
     * its stored Java type cannot be written by binary COPY, or a column is not in the catalog.
     */
    public static @Nullable CopyTarget of(String quotedTable, List<MappedColumn> columns, List<String> quotedColumns,
                                          Map<String, CatalogType> catalog) {
        List<CopyType> types = new ArrayList<>(columns.size());
        for (MappedColumn column : columns) {
            CatalogType declared = catalog.get(column.columnName());
            CopyType type = declared == null ? null : CopyType.of(declared.name(), declared.kind());
            if (type == null || !type.accepts(column.storedType())) {
                return null;
            }
            types.add(type);
        }
        String sql = "COPY " + quotedTable + " (" + String.join(", ", quotedColumns) + ") FROM STDIN (FORMAT binary)";
        return new CopyTarget(sql, new CopyPages(columns, types));
    }

    /**
     * The type of a column as the catalog names it.
     *
     * @param name {@code pg_type.typname}, such as {@code int8} or {@code timestamptz}
     * @param kind {@code pg_type.typtype}: {@code b} base, {@code e} enum, {@code d} domain...
     */
    public record CatalogType(String name, String kind) {
    }
}

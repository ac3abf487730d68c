package io.rowflow.internal.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A table as the database's catalog describes it: its columns by lower-case name and the columns
 * of its primary key in key order (empty when it has none).
 */
record CatalogTable(String name, Map<String, CatalogColumn> columns, List<String> primaryKey) {

    /** The column with this name, whatever its case, or {@code null}. */
    @Nullable CatalogColumn column(String columnName) {
        return columns.get(columnName.toLowerCase(Locale.ROOT));
    }
}

package io.rowflow.dialect;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shape of an upsert, handed to {@link Dialect#upsert(Upsert)} to render. All identifiers are
 * already quoted. Values are bound in {@link #insertColumns()} order, starting at bind index 0.
 *
 * @param table the quoted (and schema-qualified) table name
 * @param insertColumns the quoted columns given a value, in bind order
 * @param keyColumns the quoted columns identifying an existing row (the primary key)
 * @param updateColumns the quoted columns overwritten when the row exists
 * @param versionColumn the quoted version column, incremented on update; {@code null} if none
 * @param returningColumns the quoted columns the statement must return
 * @since 0.1
 */
public record Upsert(String table, List<String> insertColumns, List<String> keyColumns,
                     List<String> updateColumns, @Nullable String versionColumn,
                     List<String> returningColumns) {

    /** Copies the lists. */
    public Upsert {
        insertColumns = List.copyOf(insertColumns);
        keyColumns = List.copyOf(keyColumns);
        updateColumns = List.copyOf(updateColumns);
        returningColumns = List.copyOf(returningColumns);
    }
}

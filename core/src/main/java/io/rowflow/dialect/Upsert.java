package io.rowflow.dialect;

import java.util.ArrayList;
import java.util.Collections;
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
 * @param databaseTypes the declared database type of each insert column, {@code null} where none
 *                      was declared: render each value's marker with {@link Dialect#bindMarker(int, String)}
 * @since 0.1
 */
public record Upsert(String table, List<String> insertColumns, List<String> keyColumns,
                     List<String> updateColumns, @Nullable String versionColumn,
                     List<String> returningColumns, List<@Nullable String> databaseTypes) {

    /** Copies the lists. */
    public Upsert {
        insertColumns = List.copyOf(insertColumns);
        keyColumns = List.copyOf(keyColumns);
        updateColumns = List.copyOf(updateColumns);
        returningColumns = List.copyOf(returningColumns);
        if (databaseTypes.size() != insertColumns.size()) {
            throw new IllegalArgumentException("one database type (or null) per insert column");
        }
        databaseTypes = Collections.unmodifiableList(new ArrayList<>(databaseTypes));
    }

    /** An upsert whose columns have no declared database types. */
    public Upsert(String table, List<String> insertColumns, List<String> keyColumns, List<String> updateColumns,
                  @Nullable String versionColumn, List<String> returningColumns) {
        this(table, insertColumns, keyColumns, updateColumns, versionColumn, returningColumns,
                Collections.nCopies(insertColumns.size(), null));
    }

    /** The bind marker of the value of insert column {@code index}, cast to its declared type where needed. */
    public String valueMarker(Dialect dialect, int index) {
        return dialect.bindMarker(index, databaseTypes.get(index));
    }
}

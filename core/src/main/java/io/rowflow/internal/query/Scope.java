package io.rowflow.internal.query;

import io.rowflow.QueryException;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.sql.TableRef;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tables visible at one level of a query, each with the SQL alias it was given. A subquery's
 * scope sees its own tables first, then the enclosing query's (correlation).
 */
final class Scope {

    private final @Nullable Scope parent;
    private final Map<String, Entry> tables = new LinkedHashMap<>();

    Scope(@Nullable Scope parent) {
        this.parent = parent;
    }

    /** A table of this level and how SQL refers to it ({@code null} qualifier: unqualified columns). */
    record Entry(TableRef table, DefaultEntityModel<?> model, @Nullable String qualifier) {
    }

    void add(TableRef table, DefaultEntityModel<?> model, @Nullable String qualifier) {
        if (tables.containsKey(table.alias())) {
            throw new QueryException("The query uses the alias '" + table.alias() + "' twice; give the second "
                    + table.entityType().getSimpleName() + " its own alias");
        }
        tables.put(table.alias(), new Entry(table, model, qualifier));
    }

    /** The first table of this level (the target of an update or delete). */
    Entry first() {
        return tables.values().iterator().next();
    }

    /** Finds the table of a path, here or in an enclosing query. */
    Entry resolve(TableRef table) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            Entry entry = scope.tables.get(table.alias());
            if (entry != null) {
                if (entry.table().entityType() != table.entityType()) {
                    throw new QueryException("Alias '" + table.alias() + "' means " + entry.table().entityType().getSimpleName()
                            + " in this query, but a path uses it for " + table.entityType().getSimpleName());
                }
                return entry;
            }
        }
        throw new QueryException("A path of " + table.entityType().getSimpleName() + " (alias '" + table.alias()
                + "') is used, but that entity is not in the query: add it with from(...) or join(...)");
    }

    /** The mapped column of a property path of a resolved table. */
    static MappedColumn column(Entry entry, String propertyPath) {
        MappedColumn column = entry.model().column(propertyPath);
        if (column == null) {
            throw new QueryException(entry.model().type().getName() + " has no mapped property '" + propertyPath
                    + "'; mapped properties are " + entry.model().mappedColumns().stream().map(MappedColumn::propertyPath).toList());
        }
        return column;
    }
}

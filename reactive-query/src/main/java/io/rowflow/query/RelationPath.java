package io.rowflow.query;

import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.Fetchable;
import io.rowflow.sql.TableRef;

/**
 * A relationship of an entity, as a path: load it with {@code with(...)}, and the related
 * entities' relationships with {@link #then(Fetchable...)}.
 *
 * @param <T> the related entity type
 * @since 0.1
 */
public abstract class RelationPath<T> implements Fetchable {

    private final TableRef table;
    private final String name;
    private final Class<T> targetType;

    RelationPath(TableRef table, String name, Class<T> targetType) {
        this.table = table;
        this.name = name;
        this.targetType = targetType;
    }

    /** The relationship's property name. */
    public String name() {
        return name;
    }

    /** The related entity class. */
    public Class<T> targetType() {
        return targetType;
    }

    /** Loads this relationship, and with the related entities the given relationships of theirs. */
    public FetchPlan then(Fetchable... nested) {
        return toFetchPlan().then(nested);
    }

    @Override
    public FetchPlan toFetchPlan() {
        return FetchPlan.of(name);
    }

    /** The table reference of the owning entity. */
    TableRef table() {
        return table;
    }

    @Override
    public String toString() {
        return table.alias() + "." + name;
    }
}

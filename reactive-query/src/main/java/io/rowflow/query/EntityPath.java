package io.rowflow.query;

import io.rowflow.sql.TableRef;

/**
 * The root of the paths of one entity in a query, for example the generated {@code Book_.BOOK}.
 * Two appearances of the same entity in one query (a self-join) need two aliases:
 * {@code Book_ other = BOOK.as("other")}.
 *
 * @param <T> the entity type
 * @since 0.1
 */
public class EntityPath<T> extends PathParent {

    private final Class<T> entityType;

    /** Creates the root of an entity's paths under an alias. */
    protected EntityPath(Class<T> entityType, String alias) {
        super(new TableRef(entityType, alias), "");
        this.entityType = entityType;
    }

    /** The entity class. */
    public Class<T> entityType() {
        return entityType;
    }

    /** The alias distinguishing this appearance of the entity in a query. */
    public String alias() {
        return tableRef().alias();
    }

    @Override
    public String toString() {
        return entityType.getSimpleName() + " " + alias();
    }
}

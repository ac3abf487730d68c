package io.rowflow.sql;

import java.util.Objects;

/**
 * An entity's table as it appears in a query, told apart from other appearances of the same
 * entity by its alias. The alias is a name in the model only: the SQL uses generated aliases.
 *
 * @param entityType the entity class
 * @param alias the name of this appearance
 * @since 0.1
 */
public record TableRef(Class<?> entityType, String alias) {

    /** Checks the arguments. */
    public TableRef {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(alias, "alias");
    }
}

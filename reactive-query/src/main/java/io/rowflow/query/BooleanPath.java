package io.rowflow.query;

import io.rowflow.sql.Expression;

/**
 * A boolean property of an entity.
 *
 * @since 0.1
 */
public final class BooleanPath extends BooleanExpr {

    BooleanPath(Expression.Column column) {
        super(column);
    }

    /** The property path, such as {@code title} or {@code address.city}. */
    public String propertyPath() {
        return ((Expression.Column) toExpression()).propertyPath();
    }
}

package io.rowflow.query;

import io.rowflow.sql.Expression;

/**
 * A text property of an entity.
 *
 * @since 0.1
 */
public final class StringPath extends StringExpr {

    StringPath(Expression.Column column) {
        super(column);
    }

    /** The property path, such as {@code title} or {@code address.city}. */
    public String propertyPath() {
        return ((Expression.Column) toExpression()).propertyPath();
    }
}

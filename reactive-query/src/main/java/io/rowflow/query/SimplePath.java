package io.rowflow.query;

import io.rowflow.sql.Expression;

/**
 * A property compared only for equality, such as {@code byte[]} or a converted user type.
 *
 * @param <T> the property's Java type
 * @since 0.1
 */
public final class SimplePath<T> extends Expr<T> {

    SimplePath(Expression.Column column, Class<T> type) {
        super(column, type);
    }

    /** The property path. */
    public String propertyPath() {
        return ((Expression.Column) toExpression()).propertyPath();
    }
}

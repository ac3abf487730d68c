package io.rowflow.query;

import io.rowflow.sql.Expression;

/**
 * A numeric property of an entity.
 *
 * @param <N> the property's Java type
 * @since 0.1
 */
public final class NumberPath<N extends Number & Comparable<N>> extends NumberExpr<N> {

    NumberPath(Expression.Column column, Class<N> type) {
        super(column, type);
    }

    /** The property path. */
    public String propertyPath() {
        return ((Expression.Column) toExpression()).propertyPath();
    }
}

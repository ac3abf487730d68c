package io.rowflow.query;

import io.rowflow.sql.Expression;

/**
 * A property with ordered values: dates and times, UUIDs, enums.
 *
 * @param <T> the property's Java type
 * @since 0.1
 */
public final class ComparablePath<T extends Comparable<? super T>> extends ComparableExpr<T> {

    ComparablePath(Expression.Column column, Class<T> type) {
        super(column, type);
    }

    /** The property path. */
    public String propertyPath() {
        return ((Expression.Column) toExpression()).propertyPath();
    }
}

package io.rowflow.query;

import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;

/**
 * An expression whose values have an order: numbers, text, dates and times, UUIDs, enums.
 *
 * @param <T> the Java type
 * @since 0.1
 */
public class ComparableExpr<T extends Comparable<? super T>> extends Expr<T> {

    /** Wraps a query-model node with its Java type. */
    protected ComparableExpr(Expression node, Class<T> javaType) {
        super(node, javaType);
    }

    /** {@code this < value}. */
    public Condition lt(T value) {
        return compare(Predicate.ComparisonOperator.LT, value(value));
    }

    /** {@code this < other}. */
    public Condition lt(Expr<? extends T> other) {
        return compare(Predicate.ComparisonOperator.LT, other.toExpression());
    }

    /** {@code this <= value}. */
    public Condition le(T value) {
        return compare(Predicate.ComparisonOperator.LE, value(value));
    }

    /** {@code this <= other}. */
    public Condition le(Expr<? extends T> other) {
        return compare(Predicate.ComparisonOperator.LE, other.toExpression());
    }

    /** {@code this > value}. */
    public Condition gt(T value) {
        return compare(Predicate.ComparisonOperator.GT, value(value));
    }

    /** {@code this > other}. */
    public Condition gt(Expr<? extends T> other) {
        return compare(Predicate.ComparisonOperator.GT, other.toExpression());
    }

    /** {@code this >= value}. */
    public Condition ge(T value) {
        return compare(Predicate.ComparisonOperator.GE, value(value));
    }

    /** {@code this >= other}. */
    public Condition ge(Expr<? extends T> other) {
        return compare(Predicate.ComparisonOperator.GE, other.toExpression());
    }

    /** {@code this > (scalar subquery)}. */
    public Condition gt(SelectQuery<? extends T> subquery) {
        return compare(Predicate.ComparisonOperator.GT, new Expression.Subquery(subquery.toStatement()));
    }

    /** {@code this < (scalar subquery)}. */
    public Condition lt(SelectQuery<? extends T> subquery) {
        return compare(Predicate.ComparisonOperator.LT, new Expression.Subquery(subquery.toStatement()));
    }

    /** {@code this = (scalar subquery)}. */
    public Condition eq(SelectQuery<? extends T> subquery) {
        return compare(Predicate.ComparisonOperator.EQ, new Expression.Subquery(subquery.toStatement()));
    }

    /** {@code this BETWEEN low AND high}, both ends included. */
    public Condition between(T low, T high) {
        return new Condition(new Predicate.Between(toExpression(), value(low), value(high)));
    }

    /** {@code MIN(this)}. */
    public ComparableExpr<T> min() {
        return new ComparableExpr<>(new Expression.Aggregate(Expression.AggregateFunction.MIN, toExpression(), false), javaType());
    }

    /** {@code MAX(this)}. */
    public ComparableExpr<T> max() {
        return new ComparableExpr<>(new Expression.Aggregate(Expression.AggregateFunction.MAX, toExpression(), false), javaType());
    }
}

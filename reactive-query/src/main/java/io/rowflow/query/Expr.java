package io.rowflow.query;

import io.rowflow.sql.Expression;
import io.rowflow.sql.OrderItem;
import io.rowflow.sql.Predicate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A typed expression of the query DSL: a column path, a function of other expressions, an
 * aggregate, a subquery. Immutable; every method returns a new value.
 *
 * @param <T> the Java type of the expression's value
 * @since 0.1
 */
public class Expr<T> {

    private final Expression node;
    private final Class<T> javaType;

    /** Wraps a query-model node with its Java type. */
    protected Expr(Expression node, Class<T> javaType) {
        this.node = Objects.requireNonNull(node, "node");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
    }

    /** The query-model node. */
    public Expression toExpression() {
        return node;
    }

    /** The Java type values of this expression are read as. */
    public Class<T> javaType() {
        return javaType;
    }

    /** {@code this = value}; a {@code null} value is rejected (use {@link #isNull()}). */
    public Condition eq(T value) {
        return compare(Predicate.ComparisonOperator.EQ, value(value));
    }

    /** {@code this = other}. */
    public Condition eq(Expr<? extends T> other) {
        return compare(Predicate.ComparisonOperator.EQ, other.toExpression());
    }

    /** {@code this <> value}. */
    public Condition ne(T value) {
        return compare(Predicate.ComparisonOperator.NE, value(value));
    }

    /** {@code this <> other}. */
    public Condition ne(Expr<? extends T> other) {
        return compare(Predicate.ComparisonOperator.NE, other.toExpression());
    }

    /** {@code this IN (values)}; an empty collection matches nothing. */
    public Condition in(Collection<? extends T> values) {
        return new Condition(new Predicate.InList(node, values(values), false));
    }

    /** {@code this IN (values)}. */
    @SafeVarargs
    public final Condition in(T... values) {
        return in(Arrays.asList(values));
    }

    /** {@code this IN (subquery)}. */
    public Condition in(SelectQuery<? extends T> subquery) {
        return new Condition(new Predicate.InSubquery(node, subquery.toStatement(), false));
    }

    /** {@code this NOT IN (values)}; an empty collection matches everything. */
    public Condition notIn(Collection<? extends T> values) {
        return new Condition(new Predicate.InList(node, values(values), true));
    }

    /** {@code this NOT IN (values)}. */
    @SafeVarargs
    public final Condition notIn(T... values) {
        return notIn(Arrays.asList(values));
    }

    /** {@code this NOT IN (subquery)}. */
    public Condition notIn(SelectQuery<? extends T> subquery) {
        return new Condition(new Predicate.InSubquery(node, subquery.toStatement(), true));
    }

    /** {@code this IS NULL}. */
    public Condition isNull() {
        return new Condition(new Predicate.IsNull(node, false));
    }

    /** {@code this IS NOT NULL}. */
    public Condition isNotNull() {
        return new Condition(new Predicate.IsNull(node, true));
    }

    /** Ascending sort key. */
    public Order asc() {
        return new Order(new OrderItem(node, false, OrderItem.Nulls.DEFAULT));
    }

    /** Descending sort key. */
    public Order desc() {
        return new Order(new OrderItem(node, true, OrderItem.Nulls.DEFAULT));
    }

    /** {@code COALESCE(this, fallback)}: this value, or the fallback where it is null. */
    public Expr<T> coalesce(T fallback) {
        return new Expr<>(new Expression.Function(Expression.SqlFunction.COALESCE, List.of(node, value(fallback))), javaType);
    }

    /** {@code COUNT(this)}: the number of non-null values. */
    public NumberExpr<Long> count() {
        return new NumberExpr<>(new Expression.Aggregate(Expression.AggregateFunction.COUNT, node, false), Long.class);
    }

    /** {@code COUNT(DISTINCT this)}. */
    public NumberExpr<Long> countDistinct() {
        return new NumberExpr<>(new Expression.Aggregate(Expression.AggregateFunction.COUNT, node, true), Long.class);
    }

    Condition compare(Predicate.ComparisonOperator operator, Expression right) {
        return new Condition(new Predicate.Comparison(node, operator, right));
    }

    /** A bound value; {@code null} is rejected where it cannot mean anything. */
    static Expression value(Object value) {
        if (value == null) {
            throw new io.rowflow.QueryException("A null value cannot be compared with =, <, >...; use isNull()/isNotNull()");
        }
        return new Expression.Value(value);
    }

    static List<Expression> values(Collection<?> values) {
        Objects.requireNonNull(values, "values");
        List<Expression> nodes = new ArrayList<>(values.size());
        for (Object value : values) {
            nodes.add(value(value));
        }
        return nodes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Expr<?> that && node.equals(that.node) && javaType.equals(that.javaType);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return node.toString();
    }
}

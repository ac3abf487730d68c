package io.rowflow.query;

import io.rowflow.sql.Expression;
import java.util.List;

/**
 * A numeric expression: arithmetic and numeric aggregates.
 *
 * @param <N> the Java number type
 * @since 0.1
 */
public class NumberExpr<N extends Number & Comparable<N>> extends ComparableExpr<N> {

    /** Wraps a query-model node with its Java type. */
    protected NumberExpr(Expression node, Class<N> javaType) {
        super(node, javaType);
    }

    /** {@code this + value}. */
    public NumberExpr<N> plus(Number value) {
        return arithmetic(Expression.ArithmeticOperator.PLUS, value(value));
    }

    /** {@code this + other}. */
    public NumberExpr<N> plus(NumberExpr<?> other) {
        return arithmetic(Expression.ArithmeticOperator.PLUS, other.toExpression());
    }

    /** {@code this - value}. */
    public NumberExpr<N> minus(Number value) {
        return arithmetic(Expression.ArithmeticOperator.MINUS, value(value));
    }

    /** {@code this - other}. */
    public NumberExpr<N> minus(NumberExpr<?> other) {
        return arithmetic(Expression.ArithmeticOperator.MINUS, other.toExpression());
    }

    /** {@code this * value}. */
    public NumberExpr<N> times(Number value) {
        return arithmetic(Expression.ArithmeticOperator.TIMES, value(value));
    }

    /** {@code this * other}. */
    public NumberExpr<N> times(NumberExpr<?> other) {
        return arithmetic(Expression.ArithmeticOperator.TIMES, other.toExpression());
    }

    /** {@code this / value} (integer division for integer operands, as in SQL). */
    public NumberExpr<N> divide(Number value) {
        return arithmetic(Expression.ArithmeticOperator.DIVIDE, value(value));
    }

    /** {@code this / other}. */
    public NumberExpr<N> divide(NumberExpr<?> other) {
        return arithmetic(Expression.ArithmeticOperator.DIVIDE, other.toExpression());
    }

    /** {@code ABS(this)}. */
    public NumberExpr<N> abs() {
        return new NumberExpr<>(new Expression.Function(Expression.SqlFunction.ABS, List.of(toExpression())), javaType());
    }

    /** {@code SUM(this)}, read back as this expression's type. */
    public NumberExpr<N> sum() {
        return new NumberExpr<>(new Expression.Aggregate(Expression.AggregateFunction.SUM, toExpression(), false), javaType());
    }

    /** {@code AVG(this)}, read back as a {@code Double}. */
    public NumberExpr<Double> avg() {
        return new NumberExpr<>(new Expression.Aggregate(Expression.AggregateFunction.AVG, toExpression(), false), Double.class);
    }

    /**
     * The same expression, read back as another number type: {@code avg(BOOK.price).readAs(BigDecimal.class)}
     * to compare an average with a decimal column. Changes no SQL.
     */
    public <M extends Number & Comparable<M>> NumberExpr<M> readAs(Class<M> type) {
        return new NumberExpr<>(toExpression(), type);
    }

    @Override
    public NumberExpr<N> min() {
        return new NumberExpr<>(new Expression.Aggregate(Expression.AggregateFunction.MIN, toExpression(), false), javaType());
    }

    @Override
    public NumberExpr<N> max() {
        return new NumberExpr<>(new Expression.Aggregate(Expression.AggregateFunction.MAX, toExpression(), false), javaType());
    }

    private NumberExpr<N> arithmetic(Expression.ArithmeticOperator operator, Expression right) {
        return new NumberExpr<>(new Expression.Arithmetic(operator, toExpression(), right), javaType());
    }
}

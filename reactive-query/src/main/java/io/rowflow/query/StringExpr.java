package io.rowflow.query;

import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import java.util.ArrayList;
import java.util.List;

/**
 * A text expression: pattern matching and portable string functions.
 *
 * @since 0.1
 */
public class StringExpr extends ComparableExpr<String> {

    /** Wraps a query-model node. */
    protected StringExpr(Expression node) {
        super(node, String.class);
    }

    /**
     * {@code this LIKE pattern}: the pattern is used as given, {@code %} and {@code _} are wildcards
     * and {@code !} escapes them. For user input use {@link #startsWith}, {@link #endsWith} or
     * {@link #contains}, which match the text literally.
     */
    public Condition like(String pattern) {
        return new Condition(new Predicate.Like(toExpression(), value(pattern)));
    }

    /** Text starting with {@code prefix}, matched literally ({@code %} and {@code _} in it are not wildcards). */
    public Condition startsWith(String prefix) {
        return new Condition(new Predicate.Like(toExpression(), value(Predicate.escapeLike(prefix) + "%")));
    }

    /** Text ending with {@code suffix}, matched literally. */
    public Condition endsWith(String suffix) {
        return new Condition(new Predicate.Like(toExpression(), value("%" + Predicate.escapeLike(suffix))));
    }

    /** Text containing {@code part}, matched literally. */
    public Condition contains(String part) {
        return new Condition(new Predicate.Like(toExpression(), value("%" + Predicate.escapeLike(part) + "%")));
    }

    /**
     * {@link #like(String)} regardless of case, on every database: {@code ILIKE} on PostgreSQL,
     * {@code LOWER(this) LIKE LOWER(pattern)} elsewhere. Whether plain {@code like} ignores case
     * depends on the database ({@link io.rowflow.dialect.Feature#CASE_SENSITIVE_LIKE}).
     */
    public Condition likeIgnoreCase(String pattern) {
        return new Condition(new Predicate.Like(toExpression(), value(pattern), true));
    }

    /** Text starting with {@code prefix} in any case, matched literally. */
    public Condition startsWithIgnoreCase(String prefix) {
        return likeIgnoreCase(Predicate.escapeLike(prefix) + "%");
    }

    /** Text ending with {@code suffix} in any case, matched literally. */
    public Condition endsWithIgnoreCase(String suffix) {
        return likeIgnoreCase("%" + Predicate.escapeLike(suffix));
    }

    /** Text containing {@code part} in any case, matched literally. */
    public Condition containsIgnoreCase(String part) {
        return likeIgnoreCase("%" + Predicate.escapeLike(part) + "%");
    }

    /** {@code LOWER(this)}. */
    public StringExpr lower() {
        return new StringExpr(new Expression.Function(Expression.SqlFunction.LOWER, List.of(toExpression())));
    }

    /** {@code UPPER(this)}. */
    public StringExpr upper() {
        return new StringExpr(new Expression.Function(Expression.SqlFunction.UPPER, List.of(toExpression())));
    }

    /** The length in characters. */
    public NumberExpr<Integer> length() {
        return new NumberExpr<>(new Expression.Function(Expression.SqlFunction.LENGTH, List.of(toExpression())), Integer.class);
    }

    /** {@code CONCAT(this, others...)}; each argument is a {@code String} value or a {@code StringExpr}. */
    public StringExpr concat(Object... others) {
        List<Expression> arguments = new ArrayList<>();
        arguments.add(toExpression());
        for (Object other : others) {
            arguments.add(other instanceof Expr<?> expr ? expr.toExpression() : value(other));
        }
        return new StringExpr(new Expression.Function(Expression.SqlFunction.CONCAT, arguments));
    }

    @Override
    public StringExpr coalesce(String fallback) {
        return new StringExpr(new Expression.Function(Expression.SqlFunction.COALESCE, List.of(toExpression(), value(fallback))));
    }
}

package io.rowflow.query;

import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.Projection;
import io.rowflow.sql.TableRef;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The entry points of the query DSL, meant for static import:
 * <pre>{@code
 * db.fetch(select(BOOK).where(BOOK.year.gt(1960)).orderBy(BOOK.title.asc()).limit(20));
 * db.fetch(select(AuthorStats.class, AUTHOR.name, count()).from(AUTHOR)
 *     .join(BOOK).on(BOOK.authorId.eq(AUTHOR.id)).groupBy(AUTHOR.name));
 * db.execute(update(BOOK).set(BOOK.price, BOOK.price.times(1.1)).where(BOOK.year.lt(1950)));
 * }</pre>
 *
 * @since 0.1
 */
public final class Queries {

    private Queries() {
    }

    /** Selects whole entities. */
    public static <T> SelectQuery<T> select(EntityPath<T> entity) {
        return SelectQuery.of(new Projection.Entity<>(entity.tableRef(), entity.entityType()), entity.tableRef());
    }

    /** Selects one value per row. The table is the first path's unless {@code from(...)} says otherwise. */
    public static <V> SelectQuery<V> select(Expr<V> expression) {
        return SelectQuery.of(Projections.single(expression), firstTable(List.of(expression)));
    }

    /**
     * Selects values into a record or class, through the constructor taking one parameter per
     * expression, in order. The table is the first path's unless {@code from(...)} says otherwise.
     */
    public static <R> SelectQuery<R> select(Class<R> type, Expr<?>... expressions) {
        List<Expr<?>> selected = List.of(expressions);
        return SelectQuery.of(Projections.into(Objects.requireNonNull(type, "type"), selected), firstTable(selected));
    }

    /** Selects values into {@link Tuple}s, read back by expression. */
    public static SelectQuery<Tuple> selectTuple(Expr<?>... expressions) {
        List<Expr<?>> selected = List.of(expressions);
        return SelectQuery.of(Projections.tuple(selected), firstTable(selected));
    }

    /** Starts an update of an entity's table. */
    public static UpdateQuery update(EntityPath<?> entity) {
        return new UpdateQuery(entity.tableRef(), List.of(), null, false);
    }

    /** Starts a delete from an entity's table. */
    public static DeleteQuery delete(EntityPath<?> entity) {
        return new DeleteQuery(entity.tableRef(), null, false);
    }

    /** {@code COUNT(*)}. */
    public static NumberExpr<Long> count() {
        return new NumberExpr<>(new Expression.Aggregate(Expression.AggregateFunction.COUNT, null, false), Long.class);
    }

    /** {@code COUNT(expression)}: non-null values. */
    public static NumberExpr<Long> count(Expr<?> expression) {
        return expression.count();
    }

    /** {@code COUNT(DISTINCT expression)}. */
    public static NumberExpr<Long> countDistinct(Expr<?> expression) {
        return expression.countDistinct();
    }

    /** {@code SUM(expression)}. */
    public static <N extends Number & Comparable<N>> NumberExpr<N> sum(NumberExpr<N> expression) {
        return expression.sum();
    }

    /** {@code AVG(expression)} as a {@code Double}. */
    public static NumberExpr<Double> avg(NumberExpr<?> expression) {
        return expression.avg();
    }

    /** {@code MIN(expression)}. */
    public static <T extends Comparable<? super T>> ComparableExpr<T> min(ComparableExpr<T> expression) {
        return expression.min();
    }

    /** {@code MAX(expression)}. */
    public static <T extends Comparable<? super T>> ComparableExpr<T> max(ComparableExpr<T> expression) {
        return expression.max();
    }

    /** {@code LOWER(text)}. */
    public static StringExpr lower(StringExpr text) {
        return text.lower();
    }

    /** {@code UPPER(text)}. */
    public static StringExpr upper(StringExpr text) {
        return text.upper();
    }

    /** The length of text in characters. */
    public static NumberExpr<Integer> length(StringExpr text) {
        return text.length();
    }

    /** {@code CONCAT(first, others...)}; each other part is a {@code String} or a {@code StringExpr}. */
    public static StringExpr concat(StringExpr first, Object... others) {
        return first.concat(others);
    }

    /** {@code COALESCE(expression, fallback)}. */
    public static <T> Expr<T> coalesce(Expr<T> expression, T fallback) {
        return expression.coalesce(fallback);
    }

    /** {@code EXISTS (subquery)}: correlate it by comparing its paths with the outer query's. */
    public static Condition exists(SelectQuery<?> subquery) {
        return new Condition(new Predicate.Exists(subquery.toStatement(), false));
    }

    /** {@code NOT EXISTS (subquery)}. */
    public static Condition notExists(SelectQuery<?> subquery) {
        return new Condition(new Predicate.Exists(subquery.toStatement(), true));
    }

    /** Every condition ({@code AND}); no condition at all is true. */
    public static Condition allOf(Condition... conditions) {
        return new Condition(new Predicate.And(Arrays.stream(conditions).map(Condition::toPredicate).toList()));
    }

    /** Any condition ({@code OR}); no condition at all is false. */
    public static Condition anyOf(Condition... conditions) {
        return new Condition(new Predicate.Or(Arrays.stream(conditions).map(Condition::toPredicate).toList()));
    }

    /** The negation of a condition. */
    public static Condition not(Condition condition) {
        return condition.not();
    }

    private static @Nullable TableRef firstTable(List<Expr<?>> expressions) {
        for (Expr<?> expression : expressions) {
            TableRef table = firstTable(expression.toExpression());
            if (table != null) {
                return table;
            }
        }
        return null;
    }

    private static @Nullable TableRef firstTable(Expression expression) {
        if (expression instanceof Expression.Column column) {
            return column.table();
        }
        List<Expression> children = List.of();
        if (expression instanceof Expression.Function function) {
            children = function.arguments();
        } else if (expression instanceof Expression.Arithmetic arithmetic) {
            children = List.of(arithmetic.left(), arithmetic.right());
        } else if (expression instanceof Expression.Aggregate aggregate && aggregate.argument() != null) {
            children = List.of(aggregate.argument());
        }
        for (Expression child : children) {
            TableRef table = firstTable(child);
            if (table != null) {
                return table;
            }
        }
        return null;
    }
}

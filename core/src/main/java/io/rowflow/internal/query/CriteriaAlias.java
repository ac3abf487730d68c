package io.rowflow.internal.query;

import io.rowflow.QueryException;
import io.rowflow.internal.model.FetchPlanModel;
import io.rowflow.internal.model.SelectModel;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Join;
import io.rowflow.sql.OrderItem;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.Projection;
import io.rowflow.sql.TableRef;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The alias under which a fetch plan's criteria refer to the related entity ({@code BOOK} in
 * {@code AUTHOR.books.where(BOOK.year.gt(2000))}): the follow-up selects the related entity under
 * that alias, so the criteria resolve like any query's paths. Columns inside a subquery that
 * declares the alias itself do not count.
 */
final class CriteriaAlias {

    private final Class<?> target;
    private final Set<String> aliases = new LinkedHashSet<>();

    private CriteriaAlias(Class<?> target) {
        this.target = target;
    }

    /** The one alias of {@code target} in the criteria, {@code fallback} when they name none. */
    static String of(FetchPlanModel.Criteria criteria, Class<?> target, String fallback) {
        CriteriaAlias found = new CriteriaAlias(target);
        if (criteria.where() != null) {
            found.predicate(criteria.where(), Set.of());
        }
        for (OrderItem item : criteria.orderBy()) {
            found.expression(item.expression(), Set.of());
        }
        if (found.aliases.size() > 1) {
            throw new QueryException("The criteria of a relationship to " + target.getSimpleName()
                    + " use it under several aliases " + found.aliases + "; use one");
        }
        return found.aliases.isEmpty() ? fallback : found.aliases.iterator().next();
    }

    private void predicate(Predicate predicate, Set<String> hidden) {
        if (predicate instanceof Predicate.Comparison comparison) {
            expression(comparison.left(), hidden);
            expression(comparison.right(), hidden);
        } else if (predicate instanceof Predicate.InList in) {
            expression(in.expression(), hidden);
            in.values().forEach(value -> expression(value, hidden));
        } else if (predicate instanceof Predicate.InSubquery in) {
            expression(in.expression(), hidden);
            subquery(SelectModel.of(in.query()), hidden);
        } else if (predicate instanceof Predicate.Between between) {
            expression(between.expression(), hidden);
            expression(between.low(), hidden);
            expression(between.high(), hidden);
        } else if (predicate instanceof Predicate.Like like) {
            expression(like.expression(), hidden);
            expression(like.pattern(), hidden);
        } else if (predicate instanceof Predicate.IsNull isNull) {
            expression(isNull.expression(), hidden);
        } else if (predicate instanceof Predicate.And and) {
            and.predicates().forEach(part -> predicate(part, hidden));
        } else if (predicate instanceof Predicate.Or or) {
            or.predicates().forEach(part -> predicate(part, hidden));
        } else if (predicate instanceof Predicate.Not not) {
            predicate(not.predicate(), hidden);
        } else if (predicate instanceof Predicate.Exists exists) {
            subquery(SelectModel.of(exists.query()), hidden);
        } else if (predicate instanceof Predicate.References references) {
            table(references.owner(), hidden);
            table(references.target(), hidden);
        }
    }

    private void expression(Expression expression, Set<String> hidden) {
        if (expression instanceof Expression.Column column) {
            table(column.table(), hidden);
        } else if (expression instanceof Expression.Function function) {
            function.arguments().forEach(argument -> expression(argument, hidden));
        } else if (expression instanceof Expression.Arithmetic arithmetic) {
            expression(arithmetic.left(), hidden);
            expression(arithmetic.right(), hidden);
        } else if (expression instanceof Expression.Aggregate aggregate && aggregate.argument() != null) {
            expression(aggregate.argument(), hidden);
        } else if (expression instanceof Expression.Subquery subquery) {
            subquery(SelectModel.of(subquery.query()), hidden);
        }
    }

    /** A subquery's correlated references; the aliases it declares hide the outer ones of that name. */
    private void subquery(SelectModel<?> select, Set<String> hidden) {
        Set<String> inner = new LinkedHashSet<>(hidden);
        add(inner, select.from());
        select.joins().stream().map(Join::table).forEach(table -> add(inner, table));
        if (select.where() != null) {
            predicate(select.where(), inner);
        }
        if (select.having() != null) {
            predicate(select.having(), inner);
        }
        if (select.projection() instanceof Projection.Values<?> values) {
            values.expressions().forEach(value -> expression(value, inner));
        }
        select.joins().forEach(join -> predicate(join.on(), inner));
    }

    private static void add(Set<String> aliases, @Nullable TableRef table) {
        if (table != null) {
            aliases.add(table.alias());
        }
    }

    private void table(TableRef table, Set<String> hidden) {
        if (table.entityType() == target && !hidden.contains(table.alias())) {
            aliases.add(table.alias());
        }
    }
}

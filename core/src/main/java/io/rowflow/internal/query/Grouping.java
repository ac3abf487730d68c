package io.rowflow.internal.query;

import io.rowflow.QueryException;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Projection;
import io.rowflow.internal.model.SelectModel;

/**
 * Detects a grouped or aggregated select that also selects a plain column it does not group by,
 * which PostgreSQL, H2 and (strict) MariaDB reject or answer arbitrarily.
 */
final class Grouping {

    private Grouping() {
    }

    static void check(SelectModel<?> statement) {
        if (!(statement.projection() instanceof Projection.Values<?> values)) {
            if (!statement.groupBy().isEmpty()) {
                throw new QueryException("A grouped query cannot return whole entities; select the grouped values "
                        + "into a record with select(Type.class, ...)");
            }
            return;
        }
        boolean aggregated = values.expressions().stream().anyMatch(Grouping::containsAggregate);
        if (!aggregated && statement.groupBy().isEmpty()) {
            return;
        }
        for (Expression expression : values.expressions()) {
            if (!containsAggregate(expression) && !statement.groupBy().contains(expression)
                    && containsColumn(expression)) {
                throw new QueryException("The query aggregates, but selects " + describe(expression)
                        + " without grouping by it; add it to groupBy(...) or aggregate it");
            }
        }
    }

    private static boolean containsAggregate(Expression expression) {
        if (expression instanceof Expression.Aggregate) {
            return true;
        }
        if (expression instanceof Expression.Function function) {
            return function.arguments().stream().anyMatch(Grouping::containsAggregate);
        }
        if (expression instanceof Expression.Arithmetic arithmetic) {
            return containsAggregate(arithmetic.left()) || containsAggregate(arithmetic.right());
        }
        return false;
    }

    private static boolean containsColumn(Expression expression) {
        if (expression instanceof Expression.Column) {
            return true;
        }
        if (expression instanceof Expression.Function function) {
            return function.arguments().stream().anyMatch(Grouping::containsColumn);
        }
        if (expression instanceof Expression.Arithmetic arithmetic) {
            return containsColumn(arithmetic.left()) || containsColumn(arithmetic.right());
        }
        return false;
    }

    private static String describe(Expression expression) {
        if (expression instanceof Expression.Column column) {
            return column.table().entityType().getSimpleName() + "." + column.propertyPath();
        }
        return "an expression over columns";
    }
}

package io.rowflow.internal.query;

import io.rowflow.QueryException;
import io.rowflow.sql.Expression;
import io.rowflow.sql.OrderItem;
import io.rowflow.sql.Predicate;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyset ("seek") paging: the rows that sort after a given row, expressed with the sort keys only,
 * so a page costs an index range scan instead of skipping {@code OFFSET} rows.
 */
final class Keyset {

    private Keyset() {
    }

    /**
     * {@code (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ...}, with {@code <} for descending keys. The
     * sort keys must not be null and should end with a unique key (such as the id), or rows tied on
     * every key may be skipped.
     */
    static Predicate after(List<OrderItem> orderBy, List<Object> values) {
        if (orderBy.isEmpty()) {
            throw new QueryException("seekAfter(...) needs an orderBy(...): keyset paging continues after a row "
                    + "in sort order");
        }
        if (values.size() != orderBy.size()) {
            throw new QueryException("seekAfter(...) got " + values.size() + " values for " + orderBy.size()
                    + " sort keys; give one value per orderBy key, in order");
        }
        List<Predicate> alternatives = new ArrayList<>();
        for (int i = 0; i < orderBy.size(); i++) {
            List<Predicate> conjunction = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                conjunction.add(compare(orderBy.get(j).expression(), Predicate.ComparisonOperator.EQ, values.get(j)));
            }
            OrderItem key = orderBy.get(i);
            conjunction.add(compare(key.expression(),
                    key.descending() ? Predicate.ComparisonOperator.LT : Predicate.ComparisonOperator.GT, values.get(i)));
            alternatives.add(conjunction.size() == 1 ? conjunction.get(0) : new Predicate.And(conjunction));
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Predicate.Or(alternatives);
    }

    private static Predicate compare(Expression key, Predicate.ComparisonOperator operator, Object value) {
        if (value == null) {
            throw new QueryException("seekAfter(...) values must not be null");
        }
        return new Predicate.Comparison(key, operator, new Expression.Value(value));
    }
}

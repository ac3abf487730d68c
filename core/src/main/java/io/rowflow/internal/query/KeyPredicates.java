package io.rowflow.internal.query;

import io.rowflow.internal.mapping.EntityKey;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditions on a key written in the query model, so the one SQL writer renders them for every
 * dialect: equality with one key value, and membership in a set of key values.
 */
public final class KeyPredicates {

    private KeyPredicates() {
    }

    /** The key columns of {@code table} equal the columns of one key value: {@code a = ? AND b = ?}. */
    public static Predicate equalTo(TableRef table, EntityKey key, Object value) {
        Object[] parts = key.columnValues(value);
        List<MappedColumn> columns = key.columns();
        if (parts.length == 1) {
            return equality(table, columns.get(0), parts[0]);
        }
        List<Predicate> equalities = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            equalities.add(equality(table, columns.get(i), parts[i]));
        }
        return new Predicate.And(equalities);
    }

    /**
     * The key columns of {@code table} hold one of the key values: {@code column IN (...)} for one
     * column (which the writer binds as one array where the dialect can); for several, one
     * conjunction of equalities per key value.
     */
    public static Predicate in(TableRef table, EntityKey key, List<?> values) {
        if (!key.composite()) {
            return new Predicate.InList(new Expression.Column(table, key.column().propertyPath()),
                    values.stream().<Expression>map(Expression.Value::new).toList(), false);
        }
        List<Predicate> alternatives = new ArrayList<>(values.size());
        for (Object value : values) {
            alternatives.add(equalTo(table, key, value));
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Predicate.Or(alternatives);
    }

    /** The key columns of {@code table} hold none of the key values. */
    public static Predicate notIn(TableRef table, EntityKey key, List<?> values) {
        if (!key.composite()) {
            return new Predicate.InList(new Expression.Column(table, key.column().propertyPath()),
                    values.stream().<Expression>map(Expression.Value::new).toList(), true);
        }
        return new Predicate.Not(in(table, key, values));
    }

    private static Predicate equality(TableRef table, MappedColumn column, Object value) {
        return new Predicate.Comparison(new Expression.Column(table, column.propertyPath()),
                Predicate.ComparisonOperator.EQ, new Expression.Value(value));
    }
}

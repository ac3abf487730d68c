package io.rowflow.internal.query;

import io.rowflow.QueryException;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.mapping.MappedRelation;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Expands conditions on a to-one relationship into conditions on its foreign-key columns, taking
 * the columns from the mapping model (so references to entities mapped in code or by annotations,
 * with one key column or several, are compared alike): {@code references} becomes one equality per
 * key column, {@code IS NULL} on the relationship becomes "some foreign-key column is null" (a
 * composite foreign key with a null column references nothing), and an equality with a key value
 * (an id, a {@code Key} or a key record) becomes one equality per column.
 */
final class ReferencePredicates {

    private final EntityModels models;

    ReferencePredicates(EntityModels models) {
        this.models = models;
    }

    /** {@code owner.relation} references {@code target}'s row. */
    Predicate references(Scope scope, Predicate.References references) {
        MappedRelation relation = owningToOne(scope.resolve(references.owner()).model(), references.relation());
        DefaultEntityModel<?> target = scope.resolve(references.target()).model();
        if (!target.type().equals(relation.targetType())) {
            throw new QueryException(relation.describe() + " references " + relation.targetType().getName()
                    + ", not " + target.type().getName());
        }
        List<MappedColumn> foreignKey = relation.foreignKey().columns();
        List<MappedColumn> key = target.key().columns();
        List<Predicate> equalities = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            equalities.add(new Predicate.Comparison(new Expression.Column(references.owner(), foreignKey.get(i).propertyPath()),
                    Predicate.ComparisonOperator.EQ, new Expression.Column(references.target(), key.get(i).propertyPath())));
        }
        return equalities.size() == 1 ? equalities.get(0) : new Predicate.And(equalities);
    }

    /**
     * The expansion of {@code IS [NOT] NULL} on a to-one relationship (over each of its foreign-key
     * columns), or {@code null} when the tested expression is no relationship.
     */
    @Nullable Predicate isNull(Scope scope, Predicate.IsNull isNull) {
        List<Expression> columns = foreignKeyColumns(scope, isNull.expression());
        if (columns == null) {
            return null;
        }
        List<Predicate> tests = columns.stream().<Predicate>map(column -> new Predicate.IsNull(column, isNull.negated())).toList();
        return tests.size() == 1 ? tests.get(0) : isNull.negated() ? new Predicate.And(tests) : new Predicate.Or(tests);
    }

    /**
     * The expansion of a comparison of a to-one relationship with a key (an id for one foreign-key
     * column; a {@code Key} or key record of the target, and only {@code =}, for several), or
     * {@code null} when the left operand is no relationship.
     */
    @Nullable Predicate comparison(Scope scope, Predicate.Comparison comparison) {
        List<Expression> columns = foreignKeyColumns(scope, comparison.left());
        if (columns == null) {
            return null;
        }
        if (columns.size() == 1) {
            return new Predicate.Comparison(columns.get(0), comparison.operator(), comparison.right());
        }
        Expression.Column path = (Expression.Column) comparison.left();
        MappedRelation relation = owningToOne(scope.resolve(path.table()).model(), path.propertyPath());
        if (comparison.operator() != Predicate.ComparisonOperator.EQ
                || !(comparison.right() instanceof Expression.Value value) || value.value() == null) {
            throw new QueryException(relation.describe() + " has a composite foreign key "
                    + columns.size() + " columns wide; compare it with eq(target path) or eqId(key), not "
                    + comparison.operator().symbol() + " " + comparison.right());
        }
        Object[] keyValues = models.entity(relation.targetType()).key().columnValues(value.value());
        List<Predicate> equalities = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            equalities.add(new Predicate.Comparison(columns.get(i), Predicate.ComparisonOperator.EQ,
                    new Expression.Value(keyValues[i])));
        }
        return new Predicate.And(equalities);
    }

    /**
     * The foreign-key columns when {@code expression} names a to-one relationship rather than a
     * mapped column, else {@code null}.
     */
    private @Nullable List<Expression> foreignKeyColumns(Scope scope, Expression expression) {
        if (!(expression instanceof Expression.Column column)) {
            return null;
        }
        DefaultEntityModel<?> model = scope.resolve(column.table()).model();
        if (model.column(column.propertyPath()) != null) {
            return null;
        }
        MappedRelation relation = model.relation(column.propertyPath());
        if (relation == null || relation.foreignKey() == null) {
            return null;
        }
        TableRef table = column.table();
        return relation.foreignKey().columns().stream()
                .<Expression>map(part -> new Expression.Column(table, part.propertyPath())).toList();
    }

    private static MappedRelation owningToOne(DefaultEntityModel<?> model, String name) {
        MappedRelation relation = model.relation(name);
        if (relation == null || !relation.toOne() || relation.foreignKey() == null) {
            throw new QueryException(model.type().getName() + " has no @ManyToOne/@OneToOne property '" + name
                    + "' holding a foreign key");
        }
        return relation;
    }
}

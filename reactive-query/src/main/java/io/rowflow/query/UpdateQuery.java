package io.rowflow.query;

import io.rowflow.sql.Assignment;
import io.rowflow.sql.DataChange;
import io.rowflow.sql.DataChangeStatement;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable {@code UPDATE} under construction: {@code update(BOOK).set(BOOK.price, 10).where(...)}.
 * Without {@code where} it must end with {@link #all()}; run it with {@code db.execute(query)}.
 *
 * @since 0.1
 */
public final class UpdateQuery implements DataChange {

    private final TableRef target;
    private final List<Assignment> assignments;
    private final @Nullable Predicate where;
    private final boolean all;

    UpdateQuery(TableRef target, List<Assignment> assignments, @Nullable Predicate where, boolean all) {
        this.target = target;
        this.assignments = assignments;
        this.where = where;
        this.all = all;
    }

    /** Sets a property to a value ({@code null} sets SQL NULL). */
    public <V> UpdateQuery set(Expr<V> property, @Nullable V value) {
        return set(property, new Expression.Value(value));
    }

    /** Sets a property to an expression, such as {@code BOOK.price.times(1.1)}. */
    public <V> UpdateQuery set(Expr<V> property, Expr<? extends V> value) {
        return set(property, value.toExpression());
    }

    private UpdateQuery set(Expr<?> property, Expression value) {
        if (!(property.toExpression() instanceof Expression.Column column) || !column.table().equals(target)) {
            throw new io.rowflow.QueryException("set(...) takes a property of the updated entity "
                    + target.entityType().getSimpleName() + ", not " + property);
        }
        List<Assignment> more = new ArrayList<>(assignments);
        more.add(new Assignment(column.propertyPath(), value));
        return new UpdateQuery(target, List.copyOf(more), where, all);
    }

    /** Updates only the rows matching the condition; a second call adds it with {@code AND}. */
    public UpdateQuery where(Condition condition) {
        Predicate added = condition.toPredicate();
        return new UpdateQuery(target, assignments, where == null ? added : new Predicate.And(List.of(where, added)), all);
    }

    /** Updates every row: required when there is no {@code where}, so it never happens by accident. */
    public UpdateQuery all() {
        return new UpdateQuery(target, assignments, where, true);
    }

    @Override
    public DataChangeStatement toStatement() {
        DataChangeStatement.Builder update = DataChangeStatement.update(target).where(where).all(all);
        assignments.forEach(assignment -> update.set(assignment.propertyPath(), assignment.value()));
        return update.build();
    }
}

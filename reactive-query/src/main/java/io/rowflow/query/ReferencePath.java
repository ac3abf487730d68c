package io.rowflow.query;

import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;

/**
 * A to-one relationship of an entity ({@code @ManyToOne} or {@code @OneToOne}): load it with
 * {@code with(BOOK.author)}, or filter by it on the owning side with {@code BOOK.author.eq(AUTHOR)}.
 *
 * @param <T> the referenced entity type
 * @since 0.1
 */
public final class ReferencePath<T> extends RelationPath<T> {

    ReferencePath(TableRef table, String name, Class<T> targetType) {
        super(table, name, targetType);
    }

    /**
     * The foreign key references this appearance of the target entity: {@code BOOK.author.eq(AUTHOR)};
     * for a target with a composite key, every foreign-key column equals its key column. The columns
     * come from the mapping model, whether the entities are mapped by annotations or in code.
     */
    public Condition eq(EntityPath<T> target) {
        return new Condition(new Predicate.References(table(), name(), target.tableRef()));
    }

    /**
     * The foreign key holds this key of the target: its id for a one-column key, or a
     * {@link io.rowflow.Key} or key record for a composite one.
     */
    public Condition eqId(Object id) {
        java.util.Objects.requireNonNull(id, "id");
        return new Condition(new Predicate.Comparison(reference(), Predicate.ComparisonOperator.EQ, Expr.value(id)));
    }

    /** No entity is referenced (the foreign key, or a column of a composite one, is {@code NULL}). */
    public Condition isNull() {
        return new Condition(new Predicate.IsNull(reference(), false));
    }

    /** An entity is referenced. */
    public Condition isNotNull() {
        return new Condition(new Predicate.IsNull(reference(), true));
    }

    /** The relationship as a column expression; core expands it to its foreign-key column(s). */
    private Expression reference() {
        return new Expression.Column(table(), name());
    }
}

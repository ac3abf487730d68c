package io.rowflow.query;

import io.rowflow.annotation.Id;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;

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

    /** The foreign key references this appearance of the target entity: {@code BOOK.author.eq(AUTHOR)}. */
    public Condition eq(EntityPath<T> target) {
        Expression targetId = new Expression.Column(target.tableRef(), idProperty(targetType()));
        return new Condition(new Predicate.Comparison(foreignKey(), Predicate.ComparisonOperator.EQ, targetId));
    }

    /** The foreign key holds this id. */
    public Condition eqId(Object id) {
        return new Condition(new Predicate.Comparison(foreignKey(), Predicate.ComparisonOperator.EQ, Expr.value(id)));
    }

    /** No entity is referenced (the foreign key is {@code NULL}). */
    public Condition isNull() {
        return new Condition(new Predicate.IsNull(foreignKey(), false));
    }

    /** An entity is referenced. */
    public Condition isNotNull() {
        return new Condition(new Predicate.IsNull(foreignKey(), true));
    }

    private Expression foreignKey() {
        return new Expression.Column(table(), name());
    }

    /** The name of an entity's {@code @Id} property. */
    static String idProperty(Class<?> entity) {
        if (entity.isRecord()) {
            for (RecordComponent component : entity.getRecordComponents()) {
                if (component.isAnnotationPresent(Id.class)) {
                    return component.getName();
                }
            }
        }
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Id.class)) {
                    return field.getName();
                }
            }
        }
        throw new io.rowflow.MappingException(entity.getName() + " has no @Id property");
    }
}

package io.rowflow.query;

import io.rowflow.annotation.Id;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

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
     * for a target with a composite key, every foreign-key column equals its key column.
     */
    public Condition eq(EntityPath<T> target) {
        List<String[]> pairs = keyColumns(targetType());
        List<Predicate> equalities = new ArrayList<>();
        for (String[] pair : pairs) {
            Expression targetKey = new Expression.Column(target.tableRef(), pair[1]);
            equalities.add(new Predicate.Comparison(foreignKey(pair[0]), Predicate.ComparisonOperator.EQ, targetKey));
        }
        return new Condition(equalities.size() == 1 ? equalities.get(0) : new Predicate.And(equalities));
    }

    /** The foreign key holds this id (of a target with a one-column key). */
    public Condition eqId(Object id) {
        if (keyColumns(targetType()).size() != 1) {
            throw new io.rowflow.QueryException(name() + " references " + targetType().getName()
                    + ", whose key is composite; compare with eq(...) or with the key's paths instead of eqId");
        }
        return new Condition(new Predicate.Comparison(foreignKey(""), Predicate.ComparisonOperator.EQ, Expr.value(id)));
    }

    /** No entity is referenced (the foreign key is {@code NULL}). */
    public Condition isNull() {
        return new Condition(new Predicate.IsNull(foreignKey(keyColumns(targetType()).get(0)[0]), false));
    }

    /** An entity is referenced. */
    public Condition isNotNull() {
        return new Condition(new Predicate.IsNull(foreignKey(keyColumns(targetType()).get(0)[0]), true));
    }

    /** The foreign-key column for one key part ({@code ""} for a one-column key). */
    private Expression foreignKey(String part) {
        return new Expression.Column(table(), part.isEmpty() ? name() : name() + "." + part);
    }

    /**
     * The key of a target as pairs of (foreign-key part, target property path): {@code ("", "id")}
     * for one {@code @Id}; {@code ("actorId", "actorId")}, ... for several; and
     * {@code ("storeId", "key.storeId")}, ... for an {@code @Id} record.
     */
    static List<String[]> keyColumns(Class<?> entity) {
        List<Member> ids = members(entity, true);
        if (ids.isEmpty()) {
            throw new io.rowflow.MappingException(entity.getName() + " has no @Id property; for an entity mapped in "
                    + "code, compare the key paths instead, such as film.number(\"language\", Integer.class)"
                    + ".eq(language.number(\"code\", Integer.class))");
        }
        List<String[]> pairs = new ArrayList<>();
        if (ids.size() > 1) {
            ids.forEach(id -> pairs.add(new String[]{id.name(), id.name()}));
        } else if (ids.get(0).type().isRecord()) {
            members(ids.get(0).type(), false).forEach(part ->
                    pairs.add(new String[]{part.name(), ids.get(0).name() + "." + part.name()}));
        } else {
            pairs.add(new String[]{"", ids.get(0).name()});
        }
        return pairs;
    }

    /** The name of an entity's {@code @Id} property (of a one-column key). */
    static String idProperty(Class<?> entity) {
        return keyColumns(entity).get(0)[1];
    }

    private record Member(String name, Class<?> type) {
    }

    private static List<Member> members(Class<?> type, boolean onlyIds) {
        List<Member> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!onlyIds || component.isAnnotationPresent(Id.class)) {
                    members.add(new Member(component.getName(), component.getType()));
                }
            }
            return members;
        }
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && (!onlyIds || field.isAnnotationPresent(Id.class))) {
                    members.add(new Member(field.getName(), field.getType()));
                }
            }
        }
        return members;
    }
}

package io.rowflow.internal.mapping;

import io.rowflow.MappingException;
import io.rowflow.Ref;
import io.rowflow.annotation.CascadeType;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.JoinTable;
import io.rowflow.annotation.ManyToMany;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.OneToMany;
import io.rowflow.annotation.OneToOne;
import io.rowflow.mapping.RelationModel;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks the relationship annotations of one property: which kind, which side, which
 * columns, what cascades, and the target entity from the property's generic type.
 */
record RelationAnnotations(RelationModel.Kind kind, boolean owning, @Nullable String mappedBy,
                           List<JoinColumn> joinColumns, @Nullable JoinTable joinTableAnnotation,
                           Set<CascadeType> cascade) {

    static boolean isRelation(AnnotatedElement element) {
        return element.isAnnotationPresent(ManyToOne.class) || element.isAnnotationPresent(OneToOne.class)
                || element.isAnnotationPresent(OneToMany.class) || element.isAnnotationPresent(ManyToMany.class);
    }

    static RelationAnnotations of(AnnotatedElement element, String where) {
        List<Object> found = Arrays.asList(element.getAnnotation(ManyToOne.class), element.getAnnotation(OneToOne.class),
                element.getAnnotation(OneToMany.class), element.getAnnotation(ManyToMany.class));
        if (found.stream().filter(a -> a != null).count() > 1) {
            throw new MappingException(where + " has more than one relationship annotation");
        }
        List<JoinColumn> joinColumn = List.of(element.getAnnotationsByType(JoinColumn.class));
        JoinTable joinTable = element.getAnnotation(JoinTable.class);
        if (element.isAnnotationPresent(ManyToOne.class)) {
            return new RelationAnnotations(RelationModel.Kind.MANY_TO_ONE, true, null, joinColumn, null, Set.of());
        }
        OneToOne oneToOne = element.getAnnotation(OneToOne.class);
        if (oneToOne != null) {
            boolean owning = oneToOne.mappedBy().isEmpty();
            return new RelationAnnotations(RelationModel.Kind.ONE_TO_ONE, owning, owning ? null : oneToOne.mappedBy(),
                    joinColumn, null, cascade(oneToOne.cascade()));
        }
        OneToMany oneToMany = element.getAnnotation(OneToMany.class);
        if (oneToMany != null) {
            return new RelationAnnotations(RelationModel.Kind.ONE_TO_MANY, false, oneToMany.mappedBy(), List.of(), null,
                    cascade(oneToMany.cascade()));
        }
        ManyToMany manyToMany = element.getAnnotation(ManyToMany.class);
        boolean owning = manyToMany.mappedBy().isEmpty();
        if (owning && joinTable == null) {
            throw new MappingException(where + " is the owning side of a @ManyToMany and needs a @JoinTable "
                    + "(or mappedBy, on the inverse side)");
        }
        return new RelationAnnotations(RelationModel.Kind.MANY_TO_MANY, owning, owning ? null : manyToMany.mappedBy(),
                List.of(), joinTable, cascade(manyToMany.cascade()));
    }

    private static Set<CascadeType> cascade(CascadeType[] types) {
        return types.length == 0 ? Set.of() : Set.copyOf(EnumSet.copyOf(Arrays.asList(types)));
    }

    /** The neutral description of the relationship these annotations declare. */
    io.rowflow.mapping.RelationMapping toMapping() {
        return new io.rowflow.mapping.RelationMapping(kind, owning, mappedBy, joinColumnNames(), joinColumnNullable(),
                joinTableAnnotation == null ? null : joinTableAnnotation.name(),
                joinTableAnnotation == null ? null : joinTableAnnotation.joinColumn().name(),
                joinTableAnnotation == null ? null : joinTableAnnotation.inverseJoinColumn().name(), cascade);
    }

    /** Whether this property's table holds a foreign-key column for the relationship. */
    boolean ownsForeignKey() {
        return owning && (kind == RelationModel.Kind.MANY_TO_ONE || kind == RelationModel.Kind.ONE_TO_ONE);
    }

    /** The names given by {@code @JoinColumn}s, in order; empty for the default names. */
    List<String> joinColumnNames() {
        return joinColumns.stream().map(JoinColumn::name).toList();
    }

    boolean joinColumnNullable() {
        return joinColumns.stream().allMatch(JoinColumn::nullable);
    }

    MappedRelation.@Nullable JoinTableModel joinTable(String where) {
        if (joinTableAnnotation == null) {
            return null;
        }
        return new MappedRelation.JoinTableModel(joinTableAnnotation.name(), joinTableAnnotation.joinColumn().name(),
                joinTableAnnotation.inverseJoinColumn().name());
    }

    /** The target entity: {@code T} of a {@code Ref<T>}, {@code List<T>} or {@code Set<T>}. */
    static Class<?> targetType(Class<?> type, Type genericType, RelationModel.Kind kind, String where) {
        boolean toOne = kind == RelationModel.Kind.MANY_TO_ONE || kind == RelationModel.Kind.ONE_TO_ONE;
        if (toOne && type != Ref.class) {
            throw new MappingException(where + " is a to-one relationship and must have type Ref<Target>, not "
                    + type.getName() + " (a Ref keeps the foreign key even when the target is not loaded)");
        }
        if (!toOne && type != List.class && type != Set.class && type != Collection.class) {
            throw new MappingException(where + " is a to-many relationship and must be a List<Target> or Set<Target>, not "
                    + type.getName());
        }
        if (genericType instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> target) {
            return target;
        }
        throw new MappingException(where + " must name its target entity as a type argument, such as "
                + (toOne ? "Ref<Author>" : "List<Book>"));
    }

    /** The type of an entity's {@code @Id}, found without building its model (relationships may be cyclic). */
    /** One property of a target's key: its name and Java type. */
    record KeyPart(String name, Class<?> type) {
    }

    /** The key of a target entity read from its annotations: the key properties in key order and the key value type. */
    record KeyShape(List<KeyPart> parts, Class<?> valueType) {
    }

}

package io.rowflow.internal.mapping;

import io.rowflow.MappingException;
import io.rowflow.Ref;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A type whose properties map to columns: an entity or an embedded value object. Turns an
 * instance into the flattened column values and back.
 */
final class CompositeType {

    private final Class<?> type;
    private final List<Property> properties;
    private final Instantiator instantiator;
    private final boolean mutable;
    /**
     * Whether property {@code i} is the column at index {@code i}, for every property and column:
     * then the column values are the constructor's arguments.
     */
    private final boolean flat;
    /** Per property, the value of its collection relationship when not loaded (one shared, immutable marker), else null. */
    private final @Nullable Object[] unloaded;

    CompositeType(Class<?> type, List<Property> properties, Instantiator instantiator, boolean mutable) {
        this.type = type;
        this.properties = List.copyOf(properties);
        this.instantiator = instantiator;
        this.mutable = mutable;
        this.unloaded = new Object[this.properties.size()];
        boolean flat = true;
        for (int i = 0; i < this.properties.size(); i++) {
            Property property = this.properties.get(i);
            MappedRelation relation = property.relation();
            flat &= property.embedded() == null && relation == null && property.column() != null
                    && property.column().index() == i;
            if (relation != null && relation.foreignKey() == null && !relation.toOne()) {
                unloaded[i] = relation.setType() ? UnloadedCollections.set(relation.describe())
                        : UnloadedCollections.list(relation.describe());
            }
        }
        this.flat = flat;
    }

    Class<?> type() {
        return type;
    }

    List<Property> properties() {
        return properties;
    }

    boolean mutable() {
        return mutable;
    }

    /** Whether this type or any value object embedded in it is changed in place. */
    boolean anyPartMutable() {
        return mutable || properties.stream().anyMatch(p -> p.embedded() != null && p.embedded().anyPartMutable());
    }

    /** Writes this instance's column values into {@code out}; a {@code null} instance writes nulls. */
    void extract(@Nullable Object instance, Object[] out) {
        for (Property property : properties) {
            Object value = instance == null ? null : get(property, instance);
            if (property.embedded() != null) {
                property.embedded().extract(value, out);
            } else if (property.relation() != null) {
                if (property.relation().foreignKey() != null) {
                    writeForeignKey(property.relation(), (Ref<?>) value, out);
                }
            } else {
                out[property.column().index()] = value;
            }
        }
    }

    /**
     * The value of one column, read through the getters on the way to it only (not the whole
     * instance): {@code null} when an embedded object on the way is {@code null}.
     */
    @Nullable Object read(Object instance, MappedColumn column) {
        for (Property property : properties) {
            if (property.column() == column) {
                Object value = get(property, instance);
                return property.relation() != null ? foreignKey(property.relation(), (Ref<?>) value) : value;
            }
            if (property.embedded() != null && property.embedded().maps(column)) {
                Object nested = get(property, instance);
                return nested == null ? null : property.embedded().read(nested, column);
            }
            EntityKey foreignKey = property.relation() == null ? null : property.relation().foreignKey();
            if (foreignKey != null && foreignKey.columns().contains(column)) {
                Object key = foreignKey(property.relation(), (Ref<?>) get(property, instance));
                return key == null ? null : foreignKey.columnValues(key)[foreignKey.columns().indexOf(column)];
            }
        }
        throw new IllegalArgumentException(column.describe() + " is not a column of " + type.getName());
    }

    /** Whether a column belongs to this type or to one embedded in it. */
    private boolean maps(MappedColumn column) {
        for (Property property : properties) {
            if (property.column() == column || property.embedded() != null && property.embedded().maps(column)) {
                return true;
            }
        }
        return false;
    }

    /** Writes this instance's relationship values into {@code out}, indexed by relation. */
    void extractRelations(Object instance, Object[] out) {
        for (Property property : properties) {
            if (property.relation() != null) {
                out[property.relation().index()] = get(property, instance);
            }
        }
    }

    /** Writes the foreign-key columns of an owning to-one relationship: the referenced key, split into its columns. */
    private static void writeForeignKey(MappedRelation relation, @Nullable Ref<?> reference, Object[] out) {
        EntityKey foreignKey = relation.foreignKey();
        if (foreignKey == null) {
            return;
        }
        Object key = foreignKey(relation, reference);
        List<MappedColumn> columns = foreignKey.columns();
        Object[] parts = key == null ? new Object[columns.size()]
                : columns.size() == 1 ? new Object[]{key} : foreignKey.columnValues(key);
        for (int i = 0; i < parts.length; i++) {
            int index = columns.get(i).index();
            if (out[index] == null) {   // a column shared with a property declared before keeps the property's value
                out[index] = parts[i];
            }
        }
    }

    private static @Nullable Object foreignKey(MappedRelation relation, @Nullable Ref<?> reference) {
        if (reference == null) {
            return null;
        }
        if (reference.id() != null) {
            return reference.id();
        }
        if (reference.isLoaded()) {
            return relation.targetId().apply(reference.get());
        }
        return null;
    }

    /**
     * Builds an instance from flattened column values and relation values (a {@code null} relation
     * value means "not loaded"); an embedded type whose columns are all null is null.
     */
    @Nullable Object assemble(Object[] columnValues, @Nullable Object[] relationValues, boolean nullWhenEmpty) {
        if (flat && !nullWhenEmpty && columnValues.length == properties.size()) {
            return assembleFlat(columnValues);
        }
        Object[] values = new Object[properties.size()];
        boolean anyValue = false;
        for (int i = 0; i < values.length; i++) {
            Property property = properties.get(i);
            Object value;
            if (property.embedded() != null) {
                value = property.embedded().assemble(columnValues, null, true);
            } else if (property.relation() != null) {
                value = unloaded[i] != null && (relationValues == null || relationValues[property.relation().index()] == null)
                        ? unloaded[i] : relationValue(property, columnValues, relationValues);
            } else {
                value = columnValues[property.column().index()];
            }
            if (value == null && property.primitive()) {
                throw nullForPrimitive(property);
            }
            anyValue |= value != null;
            values[i] = value;
        }
        if (nullWhenEmpty && !anyValue) {
            return null;
        }
        return create(values);
    }

    /** A type whose properties are its columns in order: the column values are the arguments, with no copy. */
    private Object assembleFlat(Object[] columnValues) {
        for (int i = 0; i < columnValues.length; i++) {
            if (columnValues[i] == null && properties.get(i).primitive()) {
                throw nullForPrimitive(properties.get(i));
            }
        }
        return create(columnValues);
    }

    private MappingException nullForPrimitive(Property property) {
        return new MappingException("Column '" + property.column().columnName() + "' is NULL but "
                + type.getName() + "." + property.name() + " is a primitive "
                + property.column().javaType().getName() + "; make the field a wrapper type");
    }

    private Object create(Object[] values) {
        try {
            return instantiator.create(values);
        } catch (RuntimeException e) {
            throw new MappingException("Could not create " + type.getName() + ": " + e, e);
        } catch (Throwable e) {
            throw new MappingException("Could not create " + type.getName() + ": " + e, e);
        }
    }

    /**
     * A copy of an immutable instance with one relationship property set: every other property's
     * current value, read through its getter, and one constructor call (no column values
     * extracted, no references built again).
     */
    Object withProperty(Object instance, MappedRelation relation, @Nullable Object value) {
        Object[] values = new Object[properties.size()];
        for (int i = 0; i < values.length; i++) {
            Property property = properties.get(i);
            values[i] = property.relation() == relation ? value : get(property, instance);
        }
        return create(values);
    }

    private static @Nullable Object relationValue(Property property, Object[] columnValues,
                                                  @Nullable Object[] relationValues) {
        MappedRelation relation = property.relation();
        Object given = relationValues == null ? null : relationValues[relation.index()];
        if (given != null) {
            return given == NO_TARGET ? null : given;
        }
        if (relation.foreignKey() != null) {
            Object key = relation.foreignKey().fromEntityValues(columnValues);
            return key == null ? null : Ref.to(key);
        }
        if (relation.toOne()) {
            return Ref.unknown();
        }
        return relation.setType() ? UnloadedCollections.set(relation.describe()) : UnloadedCollections.list(relation.describe());
    }

    /** A relation value meaning "loaded, and there is no related entity" (a {@code null} property). */
    static final Object NO_TARGET = new Object() {
        @Override
        public String toString() {
            return "NO_TARGET";
        }
    };

    /** Sets a top-level property on a mutable instance. */
    void set(Object instance, Property property, @Nullable Object value) {
        try {
            property.setter().invokeExact(instance, value);
        } catch (Throwable e) {
            throw new MappingException("Could not set " + type.getName() + "." + property.name() + ": " + e, e);
        }
    }

    private Object get(Property property, Object instance) {
        try {
            return (Object) property.getter().invokeExact(instance);
        } catch (Throwable e) {
            throw new MappingException("Could not read " + type.getName() + "." + property.name() + ": " + e, e);
        }
    }
}

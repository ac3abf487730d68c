package io.rowflow.internal.mapping;

import io.rowflow.MappingException;
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

    CompositeType(Class<?> type, List<Property> properties, Instantiator instantiator, boolean mutable) {
        this.type = type;
        this.properties = List.copyOf(properties);
        this.instantiator = instantiator;
        this.mutable = mutable;
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

    /** Writes this instance's column values into {@code out}; a {@code null} instance writes nulls. */
    void extract(@Nullable Object instance, Object[] out) {
        for (Property property : properties) {
            Object value = instance == null ? null : get(property, instance);
            if (property.embedded() != null) {
                property.embedded().extract(value, out);
            } else {
                out[property.column().index()] = value;
            }
        }
    }

    /** Builds an instance from flattened column values; an embedded type whose columns are all null is null. */
    @Nullable Object assemble(Object[] columnValues, boolean nullWhenEmpty) {
        Object[] values = new Object[properties.size()];
        boolean anyValue = false;
        for (int i = 0; i < values.length; i++) {
            Property property = properties.get(i);
            Object value = property.embedded() != null
                    ? property.embedded().assemble(columnValues, true)
                    : columnValues[property.column().index()];
            if (value == null && property.primitive()) {
                throw new MappingException("Column '" + property.column().columnName() + "' is NULL but "
                        + type.getName() + "." + property.name() + " is a primitive "
                        + property.column().javaType().getName() + "; make the field a wrapper type");
            }
            anyValue |= value != null;
            values[i] = value;
        }
        if (nullWhenEmpty && !anyValue) {
            return null;
        }
        try {
            return instantiator.create(values);
        } catch (RuntimeException e) {
            throw new MappingException("Could not create " + type.getName() + ": " + e, e);
        } catch (Throwable e) {
            throw new MappingException("Could not create " + type.getName() + ": " + e, e);
        }
    }

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

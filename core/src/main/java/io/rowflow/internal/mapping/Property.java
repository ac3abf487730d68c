package io.rowflow.internal.mapping;

import java.lang.invoke.MethodHandle;
import org.jspecify.annotations.Nullable;

/**
 * One mapped property of a {@link CompositeType}: either a scalar backed by a column, or an
 * embedded value object with properties of its own. Access goes through method handles resolved
 * once when the model is built.
 *
 * @param name the property name
 * @param getter {@code (Object) -> Object}
 * @param setter {@code (Object, Object) -> void}, or {@code null} for immutable types
 * @param column the column for a scalar property, {@code null} when embedded
 * @param embedded the value object's type when embedded, {@code null} for a scalar
 * @param primitive whether the declared type is primitive (so {@code NULL} cannot be assigned)
 * @param relation the relationship, for a relationship property (an owning to-one also has a column)
 */
record Property(String name, MethodHandle getter, @Nullable MethodHandle setter,
                @Nullable MappedColumn column, @Nullable CompositeType embedded, boolean primitive,
                @Nullable MappedRelation relation) {

    Property(String name, MethodHandle getter, @Nullable MethodHandle setter,
             @Nullable MappedColumn column, @Nullable CompositeType embedded, boolean primitive) {
        this(name, getter, setter, column, embedded, primitive, null);
    }
}

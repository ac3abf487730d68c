package io.rowflow.internal.convert;

import io.rowflow.convert.Converter;
import java.lang.reflect.Array;

/**
 * Stores an array of enums ({@code Rating[]}, and so {@code List<Rating>}) as the array of what
 * each constant is stored as — labels in a {@code text[]} or a PostgreSQL enum array, ordinals in an
 * {@code integer[]} — for dialects with array columns. {@code NULL} elements stay {@code null}.
 */
final class EnumArrays {

    private EnumArrays() {
    }

    /** The converter of an enum array type through the converter of its element. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Converter<?, ?> converter(Class<?> enumArray, Converter<Object, Object> element) {
        Class<?> storedArray = element.databaseType().arrayType();
        return Converter.of((Class) enumArray, (Class) storedArray,
                array -> map(array, element.databaseType(), element::toDatabase),
                array -> map(array, enumArray.getComponentType(), element::fromDatabase));
    }

    private static Object map(Object array, Class<?> componentType, java.util.function.UnaryOperator<Object> convert) {
        int length = Array.getLength(array);
        Object mapped = Array.newInstance(componentType, length);
        for (int i = 0; i < length; i++) {
            Object value = Array.get(array, i);
            Array.set(mapped, i, value == null ? null : convert.apply(value));
        }
        return mapped;
    }
}

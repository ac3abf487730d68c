package io.rowflow.dialect;

import io.rowflow.convert.Converter;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Array columns for dialects declaring {@link Feature#ARRAY_COLUMNS}: the element types whose
 * arrays a driver binds natively, and converters from primitive arrays ({@code int[]}) to their
 * boxed form ({@code Integer[]}), which is what drivers bind. A {@code null} element cannot be
 * read into a primitive array: the converter fails and Rowflow reports a mapping error.
 */
final class ArrayColumns {

    /** Arrays of these element types are bound and read natively. */
    static final Set<Class<?>> NATIVE_ARRAYS = Set.of(String[].class, Integer[].class, Long[].class, Short[].class,
            Boolean[].class, Double[].class, Float[].class, BigDecimal[].class, UUID[].class);

    private static final Map<Class<?>, Converter<?, ?>> BOXING = Map.of(
            int[].class, boxing(int[].class, Integer[].class),
            long[].class, boxing(long[].class, Long[].class),
            short[].class, boxing(short[].class, Short[].class),
            boolean[].class, boxing(boolean[].class, Boolean[].class),
            double[].class, boxing(double[].class, Double[].class),
            float[].class, boxing(float[].class, Float[].class));

    private ArrayColumns() {
    }

    /** The converter of a primitive array type to its boxed array, or {@code null} for other types. */
    static @Nullable Converter<?, ?> converterFor(Class<?> javaType) {
        return BOXING.get(javaType);
    }

    private static <P, B> Converter<P, B> boxing(Class<P> primitiveArray, Class<B> boxedArray) {
        return Converter.of(primitiveArray, boxedArray,
                array -> copy(array, boxedArray.getComponentType()),
                array -> copy(array, primitiveArray.getComponentType()));
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(Object array, Class<?> componentType) {
        int length = Array.getLength(array);
        Object copy = Array.newInstance(componentType, length);
        for (int i = 0; i < length; i++) {
            Object element = Array.get(array, i);
            if (element == null && componentType.isPrimitive()) {
                throw new IllegalArgumentException("element " + i + " is NULL, which a " + componentType.getName()
                        + "[] cannot hold; use a boxed array or a List");
            }
            Array.set(copy, i, element);
        }
        return (T) copy;
    }
}

package io.rowflow.internal.mapping;

import io.rowflow.convert.Json;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which column values can be handed to several callers as they are, and copies of those that
 * cannot. Values Rowflow reads are immutable (numbers, text, {@code java.time}, enums, unmodifiable
 * lists) except arrays and {@link Date}s, which are copied; a value a user converter produces is
 * the converter's business.
 */
final class ValueMutability {

    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, BigDecimal.class, BigInteger.class,
            UUID.class, Boolean.class, Character.class, Byte.class, Short.class, Integer.class, Long.class,
            Float.class, Double.class, Json.class);

    private ValueMutability() {
    }

    /** Whether values of this declared type are known to be immutable. */
    static boolean isImmutable(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || IMMUTABLE.contains(type)
                || type.getPackageName().equals("java.time");
    }

    /** The value, or a copy of it when it is an array or a {@link Date}. */
    static @Nullable Object detach(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value.getClass().isArray()) {
            return copyOfArray(value);
        }
        if (value instanceof Date date) {
            return date.clone();
        }
        return value;
    }

    private static Object copyOfArray(Object array) {
        int length = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), length);
        System.arraycopy(array, 0, copy, 0, length);
        return copy;
    }
}

package io.rowflow.internal.convert;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a column value as the type it is stored as, widening numbers the way a user expects from
 * the column's declared type: a {@code smallint} read as {@code Integer}, an {@code integer} as
 * {@code Long}, a {@code numeric} as {@code Long} when it holds a whole number. Drivers differ here
 * (r2dbc-h2 refuses to decode a {@code SMALLINT} as {@code Integer}, r2dbc-postgresql accepts it),
 * so the value is read as the driver's natural type and converted exactly: a value that does not fit
 * fails with {@link ArithmeticException} instead of being clipped. Other types are read as asked.
 */
public final class StoredValues {

    private static final Map<Class<?>, Class<?>> NUMBER_TYPES = Map.ofEntries(
            Map.entry(Long.class, Long.class), Map.entry(long.class, Long.class),
            Map.entry(Integer.class, Integer.class), Map.entry(int.class, Integer.class),
            Map.entry(Short.class, Short.class), Map.entry(short.class, Short.class),
            Map.entry(Byte.class, Byte.class), Map.entry(byte.class, Byte.class),
            Map.entry(BigDecimal.class, BigDecimal.class), Map.entry(BigInteger.class, BigInteger.class));
    private static final long DOUBLE_EXACT_LIMIT = 1L << 53;

    private StoredValues() {
    }

    /** The value at a position, as {@code type}. */
    public static @Nullable Object read(Readable row, int index, Class<?> type) {
        Class<?> number = NUMBER_TYPES.get(type);
        if (number == null) {
            return type == Double.class ? toDouble(row.get(index), row, index) : row.get(index, type);
        }
        Object raw = row.get(index);
        if (raw instanceof Number value) {
            return exactly(value, number);
        }
        return raw == null ? null : row.get(index, type);
    }

    /**
     * How a column stored as {@code type} is read, resolved once (per column, not per value): reads
     * what {@link #read(Readable, int, Class)} reads.
     */
    public static Reader reader(Class<?> type) {
        Class<?> number = NUMBER_TYPES.get(type);
        if (number != null) {
            return (row, index) -> {
                Object raw = row.get(index);
                return raw instanceof Number value ? exactly(value, number) : raw == null ? null : row.get(index, type);
            };
        }
        return type == Double.class ? (row, index) -> toDouble(row.get(index), row, index)
                : (row, index) -> row.get(index, type);
    }

    /** Reads the value at a position as one stored type. */
    @FunctionalInterface
    public interface Reader {
        /** The value at the position. */
        @Nullable Object read(Readable row, int index);
    }

    /** The value of a named column, as {@code type}. */
    public static @Nullable Object read(Readable row, String name, Class<?> type) {
        Class<?> number = NUMBER_TYPES.get(type);
        if (number == null) {
            return row.get(name, type);
        }
        Object raw = row.get(name);
        if (raw instanceof Number value) {
            return exactly(value, number);
        }
        return raw == null ? null : row.get(name, type);
    }

    private static @Nullable Object toDouble(@Nullable Object raw, Readable row, int index) {
        if (raw == null || raw instanceof Double) {
            return raw;
        }
        if (raw instanceof Float || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).doubleValue();
        }
        if (raw instanceof Long value && Math.abs(value) <= DOUBLE_EXACT_LIMIT) {
            return value.doubleValue();
        }
        return row.get(index, Double.class);
    }

    /** The number as {@code type} (a boxed whole-number type, BigDecimal or BigInteger), or ArithmeticException. */
    static Object exactly(Number value, Class<?> type) {
        if (type.isInstance(value)) {
            return value;
        }
        if (type == BigDecimal.class) {
            return value instanceof BigInteger whole ? new BigDecimal(whole)
                    : isWhole(value) ? BigDecimal.valueOf(value.longValue()) : new BigDecimal(value.toString());
        }
        BigInteger whole = wholeNumber(value);
        if (type == BigInteger.class) {
            return whole;
        }
        long exact = whole.longValueExact();
        if (type == Long.class) {
            return exact;
        }
        if (type == Integer.class && exact == (int) exact) {
            return (int) exact;
        }
        if (type == Short.class && exact == (short) exact) {
            return (short) exact;
        }
        if (type == Byte.class && exact == (byte) exact) {
            return (byte) exact;
        }
        throw new ArithmeticException(value + " does not fit in " + type.getSimpleName());
    }

    private static boolean isWhole(Number value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static BigInteger wholeNumber(Number value) {
        if (isWhole(value)) {
            return BigInteger.valueOf(value.longValue());
        }
        if (value instanceof BigInteger whole) {
            return whole;
        }
        BigDecimal decimal = value instanceof BigDecimal exact ? exact : new BigDecimal(value.toString());
        try {
            return decimal.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new ArithmeticException(value + " is not a whole number");
        }
    }
}

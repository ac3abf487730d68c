package io.rowflow.internal.convert;

import io.rowflow.MappingException;
import io.rowflow.convert.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Converts one Java type to the driver type it is stored as, and back. Resolved once per
 * column (or per value class for raw SQL) by {@link ConverterRegistry}; {@code null} passes
 * through unconverted.
 */
public final class ValueCodec {

    private final Class<?> javaType;
    private final Class<?> storedType;
    private final @Nullable Converter<Object, Object> converter;

    @SuppressWarnings("unchecked")
    ValueCodec(Class<?> javaType, Class<?> storedType, @Nullable Converter<?, ?> converter) {
        this.javaType = javaType;
        this.storedType = storedType;
        this.converter = (Converter<Object, Object>) converter;
    }

    /** The Java type this codec serves. */
    public Class<?> javaType() {
        return javaType;
    }

    /** The type bound to and read from the driver. */
    public Class<?> storedType() {
        return storedType;
    }

    /** Converts a Java value for binding; {@code null} stays {@code null}. */
    public @Nullable Object toDatabase(@Nullable Object value) {
        if (value == null || converter == null) {
            return value;
        }
        try {
            return converter.toDatabase(value);
        } catch (RuntimeException e) {
            throw new MappingException("Converter " + converter + " failed to convert a " + javaType.getName()
                    + " value for the database: " + e.getMessage(), e);
        }
    }

    /** Converts a value read from the driver; {@code null} stays {@code null}. */
    public @Nullable Object fromDatabase(@Nullable Object value) {
        if (value == null || converter == null) {
            return value;
        }
        try {
            return converter.fromDatabase(value);
        } catch (RuntimeException e) {
            throw new MappingException("Converter " + converter + " failed to convert a database value to "
                    + javaType.getName() + ": " + e.getMessage(), e);
        }
    }
}

package io.rowflow.internal.convert;

import io.rowflow.MappingException;
import io.rowflow.convert.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Converts one Java type to the driver type it is stored as, and back. Resolved once per
 * column (or per value class for raw SQL) by {@link ConverterRegistry}; {@code null} passes
 * through unconverted. A converter's failure becomes a {@link MappingException} naming the
 * property it served, when the codec was made {@link #forProperty(String) for one}.
 */
public final class ValueCodec {

    private final Class<?> javaType;
    private final Class<?> storedType;
    private final @Nullable Converter<Object, Object> converter;
    private final @Nullable String property;

    ValueCodec(Class<?> javaType, Class<?> storedType, @Nullable Converter<?, ?> converter) {
        this(javaType, storedType, converter, null);
    }

    @SuppressWarnings("unchecked")
    private ValueCodec(Class<?> javaType, Class<?> storedType, @Nullable Converter<?, ?> converter,
                       @Nullable String property) {
        this.javaType = javaType;
        this.storedType = storedType;
        this.converter = (Converter<Object, Object>) converter;
        this.property = property;
    }

    /** This codec, naming a property (such as {@code Book.price (column 'price')}) in its error messages. */
    public ValueCodec forProperty(String description) {
        return new ValueCodec(javaType, storedType, converter, description);
    }

    /** The converter, or {@code null} when the driver takes the Java type as it is. */
    @Nullable Converter<Object, Object> converter() {
        return converter;
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
            String subject = property == null ? "a " + javaType.getName() + " value" : "the value of " + property;
            throw new MappingException("Converter " + converter + " failed to convert " + subject
                    + " for the database: " + e.getMessage(), e);
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
            String target = property == null ? javaType.getName() : property;
            throw new MappingException("Converter " + converter + " failed to convert a database value to "
                    + target + ": " + e.getMessage(), e);
        }
    }
}

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
    /** The database refusing {@code NaN} and infinities in this codec's values, or {@code null}. */
    private final @Nullable String finiteOnlyIn;

    ValueCodec(Class<?> javaType, Class<?> storedType, @Nullable Converter<?, ?> converter) {
        this(javaType, storedType, converter, null, null);
    }

    @SuppressWarnings("unchecked")
    private ValueCodec(Class<?> javaType, Class<?> storedType, @Nullable Converter<?, ?> converter,
                       @Nullable String property, @Nullable String finiteOnlyIn) {
        this.javaType = javaType;
        this.storedType = storedType;
        this.converter = (Converter<Object, Object>) converter;
        this.property = property;
        this.finiteOnlyIn = finiteOnlyIn;
    }

    /** This codec, naming a property (such as {@code Book.price (column 'price')}) in its error messages. */
    public ValueCodec forProperty(String description) {
        return new ValueCodec(javaType, storedType, converter, description, finiteOnlyIn);
    }

    /** This codec, refusing {@code NaN} and infinite values for a database that cannot store them. */
    ValueCodec finiteOnly(String database) {
        return new ValueCodec(javaType, storedType, converter, property, database);
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

    /**
     * Converts a Java value for binding; {@code null} stays {@code null}.
     *
     * @throws MappingException if the converter fails, or the value is {@code NaN} or infinite and
     *     the database cannot store it
     */
    public @Nullable Object toDatabase(@Nullable Object value) {
        if (value == null || converter == null) {
            return checkFinite(value);
        }
        Object converted;
        try {
            converted = converter.toDatabase(value);
        } catch (RuntimeException e) {
            throw new MappingException("Converter " + converter + " failed to convert " + subject()
                    + " for the database: " + e.getMessage(), e);
        }
        return checkFinite(converted);
    }

    private @Nullable Object checkFinite(@Nullable Object stored) {
        boolean nonFinite = stored instanceof Double number && !Double.isFinite(number)
                || stored instanceof Float single && !Float.isFinite(single);
        if (finiteOnlyIn != null && nonFinite) {
            throw new MappingException("Cannot store " + stored + " as " + subject() + ": " + finiteOnlyIn
                    + " has no NaN or infinite floating-point values; store null or a finite number instead");
        }
        return stored;
    }

    private String subject() {
        return property == null ? "a " + javaType.getName() + " value" : "the value of " + property;
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

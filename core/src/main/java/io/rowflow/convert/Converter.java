package io.rowflow.convert;

import java.util.Objects;
import java.util.function.Function;

/**
 * Converts a Java property type to a type the R2DBC driver can bind and read, and back.
 *
 * <p>Register converters on the {@link io.rowflow.DatabaseBuilder}; a user converter wins over
 * Rowflow's built-in conversions for the same Java type. Neither method is ever called with
 * {@code null}: {@code NULL} maps to {@code null} without conversion. An exception thrown by a
 * converter reaches the subscriber as a {@link io.rowflow.MappingException} naming the column.
 *
 * @param <J> the Java type used in entities
 * @param <D> the type handed to the driver (for example {@code String}, {@code Long}, {@code byte[]})
 * @since 0.1
 */
public interface Converter<J, D> {

    /** The Java type this converter handles. */
    Class<J> javaType();

    /**
     * The driver-side type values are converted to; it decides the column type in generated DDL.
     * It must be a type the driver binds (or one Rowflow converts further), never {@code Object}:
     * the {@link io.rowflow.DatabaseBuilder} rejects such a converter with a
     * {@link io.rowflow.MappingException}.
     */
    Class<D> databaseType();

    /** Converts a non-null Java value for binding. */
    D toDatabase(J value);

    /** Converts a non-null value read from the driver. */
    J fromDatabase(D value);

    /**
     * Creates a converter from two functions.
     *
     * @param javaType the Java type
     * @param databaseType the driver-side type
     * @param toDatabase Java to driver
     * @param fromDatabase driver to Java
     */
    static <J, D> Converter<J, D> of(Class<J> javaType, Class<D> databaseType,
                                     Function<? super J, ? extends D> toDatabase,
                                     Function<? super D, ? extends J> fromDatabase) {
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(databaseType, "databaseType");
        Objects.requireNonNull(toDatabase, "toDatabase");
        Objects.requireNonNull(fromDatabase, "fromDatabase");
        return new Converter<>() {
            @Override
            public Class<J> javaType() {
                return javaType;
            }

            @Override
            public Class<D> databaseType() {
                return databaseType;
            }

            @Override
            public D toDatabase(J value) {
                return toDatabase.apply(value);
            }

            @Override
            public J fromDatabase(D value) {
                return fromDatabase.apply(value);
            }

            @Override
            public String toString() {
                return "Converter[" + javaType.getName() + " <-> " + databaseType.getName() + "]";
            }
        };
    }
}

package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Flattens a value object (a record or class) into columns of the owning table.
 *
 * <p>Each property of the value object becomes a column named {@code prefix + column name}. The
 * default prefix is the snake_case property name followed by an underscore, so
 * {@code Address home} with a {@code street} property maps to {@code home_street}. When every
 * column of the value object is {@code NULL}, the property is read back as {@code null}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface Embedded {

    /** Sentinel meaning "derive the prefix from the property name". */
    String DEFAULT_PREFIX = "\u0000default";

    /** Prefix of the flattened column names; an empty string means no prefix. */
    String prefix() default DEFAULT_PREFIX;
}

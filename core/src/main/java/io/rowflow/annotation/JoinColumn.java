package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a foreign-key column: of a {@link ManyToOne}/{@link OneToOne} property, or inside a {@link JoinTable}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface JoinColumn {

    /** The column name. */
    String name();

    /** Whether the column accepts {@code NULL}. Used for DDL. */
    boolean nullable() default true;
}

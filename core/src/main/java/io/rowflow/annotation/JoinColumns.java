package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The foreign-key columns of a to-one relationship to an entity with a composite key, one
 * {@link JoinColumn} per key column of the target in its key order. Written implicitly by
 * repeating {@code @JoinColumn}.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface JoinColumns {

    /** The join columns, in the target's key order. */
    JoinColumn[] value();
}

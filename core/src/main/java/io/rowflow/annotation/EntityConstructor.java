package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the constructor Rowflow uses to create an immutable (non-record) entity or value object.
 *
 * <p>The constructor takes one parameter per mapped field, in field declaration order, with the
 * field's type. Records need no annotation: their canonical constructor is used.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.CONSTRUCTOR)
public @interface EntityConstructor {
}

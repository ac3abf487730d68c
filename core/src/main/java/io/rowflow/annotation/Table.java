package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as an entity stored in one table.
 *
 * <p>Without a {@code name} the table name comes from the database's naming strategy
 * (snake_case of the simple class name by default: {@code BookReview} becomes {@code book_review}).
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /** The table name; empty means "derive it from the class name". */
    String name() default "";

    /** The schema holding the table; empty means the connection's default schema. */
    String schema() default "";
}

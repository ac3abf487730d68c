package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a column with a database default ({@code DEFAULT now()}, {@code DEFAULT 'new'}) that the
 * application may also set. When the property is {@code null} on insert (or upsert) the column is
 * left out of the statement, so the database's default applies, and the stored value is read back;
 * a value that is set is written, on insert and on update alike. (An update writes the property
 * as it is, {@code null} included.) The property must be nullable, not a primitive.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface DatabaseDefault {

    /**
     * The default as an SQL expression ({@code now()}, {@code 'new'}), used only in the DDL Rowflow
     * generates ({@code DEFAULT now()}); empty (the default) for none. Rowflow never sends it with
     * an insert: the database applies the default it has.
     */
    String value() default "";
}

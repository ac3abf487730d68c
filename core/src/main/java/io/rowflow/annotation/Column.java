package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Customises how a property maps to its column. Properties without it are mapped by convention.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface Column {

    /** The column name; empty means "derive it from the property name". */
    String name() default "";

    /** Whether the column accepts {@code NULL}; primitives are never nullable. Used for DDL. */
    boolean nullable() default true;

    /** Maximum length for text columns; {@code 0} means unbounded. Used for DDL. */
    int length() default 0;

    /** Precision for decimal columns; {@code 0} means the dialect's default. Used for DDL. */
    int precision() default 0;

    /** Scale for decimal columns, used only when {@link #precision()} is set. Used for DDL. */
    int scale() default 0;

    /** Whether the column carries a unique constraint. Used for DDL. */
    boolean unique() default false;

    /**
     * The column's type in the database, declared once when it is a type of the database's own
     * rather than one Rowflow derives: a PostgreSQL enum ({@code mpaa_rating}), a domain
     * ({@code positive_int}) or an array of them ({@code mpaa_rating[]}). Every value bound for
     * the column is cast to it where the database requires it ({@code $2::mpaa_rating} on
     * PostgreSQL) — in inserts, bulk inserts, updates, upserts and query conditions alike —
     * generated DDL declares the column with it, and schema validation compares it. Empty (the
     * default) means "derive it from the Java type".
     *
     * @since 0.1
     */
    String type() default "";
}

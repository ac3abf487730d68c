package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a column that is mapped and read by queries but never written by Rowflow — not on insert,
 * update or upsert — and not read back after them: a PostgreSQL {@code tsvector} maintained by
 * the database, an audit column owned by another system. An entity returned by {@code insert} or
 * {@code update} keeps the property as it was given; use {@link DatabaseGenerated} for a column
 * whose new value should come back. To leave a field out of the mapping altogether, use
 * {@link Transient}.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface ReadOnly {
}

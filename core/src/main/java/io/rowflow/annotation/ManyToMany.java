package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many relationship through a link table, on a {@code List} or {@code Set} property. The
 * owning side describes the table with {@link JoinTable}; the inverse side names the owning
 * property with {@link #mappedBy()}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface ManyToMany {

    /** On the inverse side: the owning property of the target entity. */
    String mappedBy() default "";

    /** Writes that cascade: the link rows always follow the collection; {@code INSERT} also inserts new targets. */
    CascadeType[] cascade() default {};
}

package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-to-one relationship, on a {@link io.rowflow.Ref}{@code <Target>} property. The owning side
 * holds the foreign key (like {@link ManyToOne}); the inverse side names the owning property with
 * {@link #mappedBy()} and has no column.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface OneToOne {

    /** On the inverse side: the property of the target entity that owns the foreign key. */
    String mappedBy() default "";

    /** Writes that cascade to the related entity (inverse side only). */
    CascadeType[] cascade() default {};
}

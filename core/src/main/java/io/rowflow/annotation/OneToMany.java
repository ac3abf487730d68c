package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The children of an entity: a {@code List} or {@code Set} of the entities whose
 * {@link ManyToOne} property {@link #mappedBy()} points back to it. Loaded children come sorted
 * by id. A collection that was not loaded throws {@link io.rowflow.RelationNotLoadedException}
 * when read.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface OneToMany {

    /** The {@link ManyToOne} property of the child entity that references this entity. */
    String mappedBy();

    /** Writes that cascade to the children. */
    CascadeType[] cascade() default {};
}

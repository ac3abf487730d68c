package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The link table of the owning side of a {@link ManyToMany}: one row per link, holding this
 * entity's id in {@link #joinColumn()} and the target's id in {@link #inverseJoinColumn()}.
 * Schema generation creates it with both foreign keys and a primary key over the pair.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface JoinTable {

    /** The link table's name. */
    String name();

    /** The column referencing the owning entity. */
    JoinColumn joinColumn();

    /** The column referencing the target entity. */
    JoinColumn inverseJoinColumn();
}

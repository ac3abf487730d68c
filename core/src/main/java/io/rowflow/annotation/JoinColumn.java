package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a foreign-key column: of a {@link ManyToOne}/{@link OneToOne} property, or inside a {@link JoinTable}.
 * A relationship to an entity with a composite key repeats it, once per key column of the target in
 * the target's key order (its {@code @Id} properties in declaration order, or the components of its
 * {@code @Id} record):
 *
 * <pre>{@code
 * @ManyToOne @JoinColumn(name = "actor_id") @JoinColumn(name = "film_id") Ref<FilmActor> part
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Repeatable(JoinColumns.class)
public @interface JoinColumn {

    /** The column name. */
    String name();

    /** Whether the column accepts {@code NULL}. Used for DDL. */
    boolean nullable() default true;
}

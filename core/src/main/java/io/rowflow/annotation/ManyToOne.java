package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reference to another entity through a foreign-key column of this table. The property is a
 * {@link io.rowflow.Ref}{@code <Target>}: it always holds the id, and the entity once loaded.
 * The column is named by {@link JoinColumn}, or {@code <property>_id} by default.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface ManyToOne {
}

package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the optimistic-lock version of an entity ({@code int}, {@code long} or their wrappers).
 *
 * <p>Insert stores {@code 0} when the value is {@code null}; every update checks the version it
 * read and increments it. An update or delete that matches no row fails with
 * {@link io.rowflow.OptimisticLockException}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface Version {
}

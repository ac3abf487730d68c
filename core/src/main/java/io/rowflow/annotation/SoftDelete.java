package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the property that says an entity's row is deleted: a timestamp ({@code Instant},
 * {@code OffsetDateTime}, {@code LocalDateTime}; deleted when not {@code null}) or a
 * {@code boolean} (deleted when {@code true}).
 *
 * <p>Every read of the entity (queries, lookups, counts, existence checks, relationship loads,
 * coalesced batches) leaves deleted rows out; {@code delete} and {@code deleteById} set the
 * property (to the database's clock's time, or {@code true}) instead of deleting the row.
 * {@link io.rowflow.Database#unfiltered()} sees deleted rows.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface SoftDelete {
}

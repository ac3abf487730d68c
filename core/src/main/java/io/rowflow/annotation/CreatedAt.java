package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the property holding the moment the entity was inserted: Rowflow fills it before the
 * statement is sent, set on insert (and upsert) when it is {@code null}, so imported values stay;
 * never changed by an update. The value comes from the database's {@link java.time.Clock} ({@code
 * DatabaseBuilder.clock(...)}, the system clock in UTC by default). Types: {@link
 * java.time.Instant}, {@link java.time.OffsetDateTime}, {@link java.time.LocalDateTime} (in the
 * clock's zone) and {@code long}/{@code Long} (epoch milliseconds). Applies to {@code insert},
 * {@code insertAll} (with no extra statement) and cascades alike; the code-mapping equivalent is
 * {@code EntityMapping.audited(property, AuditRole.CREATED_AT)}.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface CreatedAt {
}

package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the property holding who last inserted or updated the entity: Rowflow fills it before the
 * statement is sent, set on every insert, upsert and update. The value comes from the auditor
 * ({@code DatabaseBuilder.auditor(...)}), read from the subscriber's Reactor context; the
 * property's type must accept the auditor's value. Without an auditor, or when it is empty, the
 * property is left as it is. Applies to {@code insert}, {@code insertAll} (with no extra
 * statement) and cascades alike; the code-mapping equivalent is {@code
 * EntityMapping.audited(property, AuditRole.UPDATED_BY)}.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface UpdatedBy {
}

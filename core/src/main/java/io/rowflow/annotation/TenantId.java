package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the tenant discriminator of an entity: the column holding the tenant a row belongs to.
 *
 * <p>Every read, update and delete of the entity is limited to the rows of the current tenant,
 * taken from the subscriber's Reactor {@code Context} by the resolver given to
 * {@link io.rowflow.DatabaseBuilder#tenant}; an insert or upsert fills the property when it is
 * {@code null} and refuses an entity of another tenant. Without a tenant in the context these
 * operations fail with {@link io.rowflow.TenantException}, never reading all tenants.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface TenantId {
}

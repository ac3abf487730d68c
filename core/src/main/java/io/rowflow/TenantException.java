package io.rowflow;

/**
 * An operation on an entity with a tenant discriminator ({@link io.rowflow.annotation.TenantId})
 * had no tenant in its Reactor {@code Context}, or was given an entity of another tenant.
 *
 * @since 0.2
 */
public class TenantException extends RowflowException {

    /** Creates the exception. */
    public TenantException(String message) {
        super(message);
    }
}

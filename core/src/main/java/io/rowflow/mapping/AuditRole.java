package io.rowflow.mapping;

/**
 * Which audit value Rowflow fills into a property before it writes the entity: the role of
 * {@code @CreatedAt}, {@code @UpdatedAt}, {@code @CreatedBy} and {@code @UpdatedBy}, or of
 * {@link EntityMapping#audited(Getter, AuditRole)} in a code mapping.
 *
 * @since 0.2
 */
public enum AuditRole {

    /** The moment of the insert, from the database's clock; set only when the property is {@code null}. */
    CREATED_AT,

    /** The moment of the latest insert or update, from the database's clock. */
    UPDATED_AT,

    /** The auditor at the insert, from the Reactor context; set only when the property is {@code null}. */
    CREATED_BY,

    /** The auditor at the latest insert or update, from the Reactor context. */
    UPDATED_BY;

    /** Whether the value is a moment (from the clock) rather than the auditor. */
    public boolean isTime() {
        return this == CREATED_AT || this == UPDATED_AT;
    }

    /** Whether the value is set only on insert, and only when the property is {@code null}. */
    public boolean onCreation() {
        return this == CREATED_AT || this == CREATED_BY;
    }
}

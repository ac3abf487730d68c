package io.rowflow.mapping;

import org.jspecify.annotations.Nullable;

/**
 * One mapped column of an entity: a scalar property, possibly inside an embedded value object.
 *
 * @since 0.1
 */
public interface ColumnModel {

    /** Dotted path of the property from the entity: {@code title}, or {@code address.street} when embedded. */
    String propertyPath();

    /** The column name, unquoted. */
    String columnName();

    /** The declared Java type of the property (primitives as declared). */
    Class<?> javaType();

    /** The type bound to and read from the driver after conversion. */
    Class<?> storedType();

    /** Whether the column may hold {@code NULL}. */
    boolean nullable();

    /** Declared maximum length for text, {@code 0} when unbounded. */
    int length();

    /** Declared decimal precision, {@code 0} for the dialect's default. */
    int precision();

    /** Declared decimal scale. */
    int scale();

    /** Whether the column has a unique constraint. */
    boolean unique();

    /** Whether this is the primary key. */
    boolean isId();

    /** Whether the key's value is generated when an entity is inserted without one ({@link #idGeneration()}). */
    boolean isGenerated();

    /**
     * How a generated key gets its value, or {@code null} when the column is not a generated key.
     *
     * @since 0.2
     */
    default @Nullable IdGeneration idGeneration() {
        return null;
    }

    /**
     * Whether and when Rowflow writes the column and reads it back.
     *
     * @since 0.2
     */
    default WriteMode writeMode() {
        return WriteMode.WRITTEN;
    }

    /**
     * The audit value Rowflow fills in before writing ({@code @CreatedAt}, {@code @UpdatedBy} ...),
     * or {@code null}.
     *
     * @since 0.2
     */
    default @Nullable AuditRole audit() {
        return null;
    }

    /** Whether this is the optimistic-lock version. */
    boolean isVersion();

    /** The entity this column references through a foreign key, or {@code null}. */
    @Nullable Class<?> references();

    /**
     * The database type declared with {@link io.rowflow.annotation.Column#type()} (such as a
     * PostgreSQL enum), or {@code null} when Rowflow derives it from the Java type.
     *
     * @since 0.1
     */
    default @Nullable String databaseType() {
        return null;
    }
}

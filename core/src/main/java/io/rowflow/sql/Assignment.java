package io.rowflow.sql;

/**
 * {@code column = value} in an {@code UPDATE}.
 *
 * @param propertyPath the updated property of the target entity
 * @param value the new value
 * @since 0.1
 */
public record Assignment(String propertyPath, Expression value) {
}

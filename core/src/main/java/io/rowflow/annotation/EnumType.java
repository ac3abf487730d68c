package io.rowflow.annotation;

/**
 * How an enum is stored.
 *
 * @since 0.1
 */
public enum EnumType {
    /** By {@link Enum#name()} in a text column: robust against reordering. The default. */
    NAME,
    /** By {@link Enum#ordinal()} in an integer column: compact, but breaks if constants are reordered. */
    ORDINAL
}

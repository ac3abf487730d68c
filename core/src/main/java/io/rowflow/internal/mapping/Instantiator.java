package io.rowflow.internal.mapping;

/**
 * Creates an instance of a mapped type from its property values, in property order. Built once
 * per type ({@link Constructors}), called per row.
 */
public interface Instantiator {

    /** Creates the instance; {@code values} holds one entry per mapped property. */
    Object create(Object[] values) throws Throwable;
}

package io.rowflow.internal.mapping;

/**
 * Creates an instance of a mapped type from its property values, in property order.
 */
interface Instantiator {

    /** Creates the instance; {@code values} holds one entry per mapped property. */
    Object create(Object[] values) throws Throwable;
}

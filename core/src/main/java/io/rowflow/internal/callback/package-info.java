/**
 * Lifecycle callbacks and auditing: the registered callbacks resolved per entity type, and the
 * audit callbacks derived from the model's audit columns.
 */
@NullMarked
package io.rowflow.internal.callback;

import org.jspecify.annotations.NullMarked;

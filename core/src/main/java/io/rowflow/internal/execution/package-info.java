/**
 * Internal: running statements on connections, binding values and translating driver errors.
 */
@NullMarked
package io.rowflow.internal.execution;

import org.jspecify.annotations.NullMarked;

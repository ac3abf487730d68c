/**
 * Internal: coalescing of concurrent keyed reads (point lookups, relationship follow-ups) into
 * batched queries, without timers.
 */
@NullMarked
package io.rowflow.internal.coalesce;

import org.jspecify.annotations.NullMarked;

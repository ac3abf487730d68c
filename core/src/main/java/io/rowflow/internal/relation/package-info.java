/**
 * Internal: loading relationships with batched follow-up queries and stitching them into their owners.
 */
@NullMarked
package io.rowflow.internal.relation;

import org.jspecify.annotations.NullMarked;

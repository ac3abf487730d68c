/**
 * Rowflow's public API: {@link io.rowflow.Database}, transactions, raw SQL and the exception
 * hierarchy rooted at {@link io.rowflow.RowflowException}.
 */
@NullMarked
package io.rowflow;

import org.jspecify.annotations.NullMarked;

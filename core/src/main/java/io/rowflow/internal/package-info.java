/**
 * Rowflow's implementation. Nothing under {@code io.rowflow.internal} is API: it may change in any release.
 */
@NullMarked
package io.rowflow.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Internal: reactive transactions bound to the Reactor context, savepoints and the per-connection gate.
 */
@NullMarked
package io.rowflow.internal.tx;

import org.jspecify.annotations.NullMarked;

/**
 * Internal: the Database implementation and the operations it delegates to.
 */
@NullMarked
package io.rowflow.internal.runtime;

import org.jspecify.annotations.NullMarked;

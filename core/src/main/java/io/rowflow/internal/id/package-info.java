/** Built-in key generators: random and time-ordered UUIDs. */
@NullMarked
package io.rowflow.internal.id;

import org.jspecify.annotations.NullMarked;

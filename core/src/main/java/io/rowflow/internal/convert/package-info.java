/**
 * Internal: resolution of converters into per-type codecs.
 */
@NullMarked
package io.rowflow.internal.convert;

import org.jspecify.annotations.NullMarked;

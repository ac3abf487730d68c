/**
 * Internal: rendering SQL text from the mapping model for a dialect.
 */
@NullMarked
package io.rowflow.internal.sql;

import org.jspecify.annotations.NullMarked;

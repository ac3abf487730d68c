/**
 * The read-only mapping model: tables, columns and naming.
 */
@NullMarked
package io.rowflow.mapping;

import org.jspecify.annotations.NullMarked;

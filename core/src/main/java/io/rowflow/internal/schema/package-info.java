/**
 * Internal: DDL generation from entity models.
 */
@NullMarked
package io.rowflow.internal.schema;

import org.jspecify.annotations.NullMarked;

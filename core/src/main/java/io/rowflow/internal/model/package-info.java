/**
 * Internal: the representation of the query model behind the public interfaces and builders of
 * {@code io.rowflow.sql}. Each statement is a record here, created only by its builder, so a new
 * clause is a field, a builder method and its rendering, without changing a public constructor.
 */
@NullMarked
package io.rowflow.internal.model;

import org.jspecify.annotations.NullMarked;

/**
 * The type-safe query DSL: typed paths (generated as {@code Book_.BOOK} by the annotation
 * processor, or by hand with {@link io.rowflow.query.Paths}), conditions, orderings and the
 * select/update/delete builders started from {@link io.rowflow.query.Queries}. Every builder is
 * immutable and renders to Rowflow's query model, which core runs.
 */
@NullMarked
package io.rowflow.query;

import org.jspecify.annotations.NullMarked;

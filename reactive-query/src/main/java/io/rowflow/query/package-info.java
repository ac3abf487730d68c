/**
 * The type-safe query DSL over Rowflow's query model. It grows with the query-builder work; today
 * the module only fixes the dependency direction (reactive-query depends on core, never the reverse).
 */
@NullMarked
package io.rowflow.query;

import org.jspecify.annotations.NullMarked;

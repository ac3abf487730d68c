/**
 * The query model: an immutable tree of selects, updates and deletes, with predicates,
 * expressions, ordering and paging. The typed DSL of rowflow-reactive-query builds it; core
 * renders it for a dialect (every value a bind parameter, every identifier from the mapping
 * model) and runs it.
 */
@NullMarked
package io.rowflow.sql;

import org.jspecify.annotations.NullMarked;

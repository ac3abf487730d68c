/**
 * The query model: immutable selects, updates and deletes, with predicates, expressions, ordering
 * and paging. Statements ({@link io.rowflow.sql.SelectStatement},
 * {@link io.rowflow.sql.DataChangeStatement}) and fetch plans are interfaces built by builders,
 * their representation internal, so a clause can be added without breaking code that builds them;
 * the leaves (predicates, expressions, order items, joins, table references) are values. How a
 * select runs (fetch size, relationships, batch size) is a {@link io.rowflow.sql.QueryOptions}
 * beside the statement. The typed DSL of rowflow-reactive-query builds this model; core renders
 * it for a dialect (every value a bind parameter, every identifier from the mapping model) and
 * runs it.
 */
@NullMarked
package io.rowflow.sql;

import org.jspecify.annotations.NullMarked;

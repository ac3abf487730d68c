/**
 * JMH microbenchmarks of Rowflow's hot in-memory paths: mapping a row to an entity, and rendering
 * the SQL of a query shape that is executed again and again. Run with {@code benchmarks/run.sh --jmh}.
 */
@NullMarked
package io.rowflow.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;

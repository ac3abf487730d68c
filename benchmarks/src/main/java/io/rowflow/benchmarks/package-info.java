/**
 * The benchmark harness: Rowflow against raw R2DBC and Spring Data R2DBC on the same PostgreSQL
 * database, pool settings and data. {@link io.rowflow.benchmarks.BenchmarkMain} runs the throughput
 * workloads W1–W11 and the latency workloads L1 and L64 and writes the report; {@link io.rowflow.benchmarks.Contender} is what a contender implements.
 */
@NullMarked
package io.rowflow.benchmarks;

import org.jspecify.annotations.NullMarked;

/** Benchmark results and the files written from them: JSON, a Markdown table and a PNG chart of ratios. */
@NullMarked
package io.rowflow.benchmarks.report;

import org.jspecify.annotations.NullMarked;

/** The floor: hand-written SQL and hand-written row mapping on the R2DBC SPI. */
@NullMarked
package io.rowflow.benchmarks.raw;

import org.jspecify.annotations.NullMarked;
